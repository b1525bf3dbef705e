using Kuager.Storage;
using Kuager.Storage.Search;

namespace Kuager.Web.Features.Shared;

/// <summary>Loads the name index when the server starts, so the first person to search does not wait for it.</summary>
public sealed class NameIndexWarmUp(Database database, ILogger<NameIndexWarmUp> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var figures = await PersonSearch.For(database).WarmUpAsync(stoppingToken);
            logger.LogInformation("Name index loaded: {People} people, {Names} names, {Parts} distinct name parts in {Ms:N0} ms",
                figures.People, figures.Names, figures.Vocabulary, figures.LoadTime.TotalMilliseconds);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The first search loads it instead; only the kind of failure is logged, never data.
            logger.LogWarning("Name index warm-up failed ({Error}); the first search will load it", e.GetType().Name);
        }
    }
}
