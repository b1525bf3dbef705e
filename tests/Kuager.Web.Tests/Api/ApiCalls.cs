using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Kuager.Web.Tests.Api;

/// <summary>An API answer: status, headers and the body parsed as JSON (null when empty).</summary>
internal sealed record ApiAnswer(HttpStatusCode Status, HttpResponseMessage Response, string Text, JsonNode? Json)
{
    public JsonObject Object => Assert.IsType<JsonObject>(Json);

    public JsonArray Array => Assert.IsType<JsonArray>(Json);

    public string? ContentType => Response.Content.Headers.ContentType?.MediaType;
}

/// <summary>Requests to the API and the checks every answer shares.</summary>
internal static class ApiCalls
{
    public static Task<ApiAnswer> GetAsync(this KuagerApp app, string url) => SendAsync(app, HttpMethod.Get, url, null);

    public static Task<ApiAnswer> PostAsync(this KuagerApp app, string url, JsonNode? body) => SendAsync(app, HttpMethod.Post, url, body?.ToJsonString());

    public static Task<ApiAnswer> PutAsync(this KuagerApp app, string url, JsonNode body) => SendAsync(app, HttpMethod.Put, url, body.ToJsonString());

    public static Task<ApiAnswer> DeleteAsync(this KuagerApp app, string url) => SendAsync(app, HttpMethod.Delete, url, null);

    public static async Task<ApiAnswer> SendAsync(this KuagerApp app, HttpMethod method, string url, string? body)
    {
        using var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        var response = await app.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        var json = response.Content.Headers.ContentType?.MediaType is "application/json" or "application/problem+json" ? JsonNode.Parse(text) : null;
        return new ApiAnswer(response.StatusCode, response, text, json);
    }

    /// <summary>Asserts the status and returns the body; on a mismatch the message shows what came back.</summary>
    public static ApiAnswer Expect(this ApiAnswer answer, HttpStatusCode status)
    {
        Assert.True(answer.Status == status, $"expected {(int)status}, got {(int)answer.Status}: {answer.Text}");
        return answer;
    }

    /// <summary>Asserts an RFC 7807 problem with the status; returns its JSON.</summary>
    public static JsonObject ExpectProblem(this ApiAnswer answer, HttpStatusCode status)
    {
        answer.Expect(status);
        Assert.True(answer.ContentType == "application/problem+json", $"{answer.ContentType}: {answer.Text}");
        var problem = answer.Object;
        Assert.Equal((int)status, (int)problem["status"]!);
        Assert.False(string.IsNullOrWhiteSpace((string?)problem["title"]), answer.Text);
        Assert.False(string.IsNullOrWhiteSpace((string?)problem["type"]), answer.Text);
        return problem;
    }

    /// <summary>Asserts a 400 validation problem with at least one message for the field; returns the messages.</summary>
    public static IReadOnlyList<string> ExpectFieldErrors(this ApiAnswer answer, string field)
    {
        var problem = answer.ExpectProblem(HttpStatusCode.BadRequest);
        var errors = Assert.IsType<JsonObject>(problem["errors"]);
        Assert.True(errors[field] is JsonArray { Count: > 0 }, $"no errors for {field}: {answer.Text}");
        return errors[field]!.AsArray().Select(m => (string)m!).ToList();
    }
}
