using Kuager.Cli;

return await KuagerCli.RunAsync(args, Console.Out, Console.Error);
