using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TeamsAmdl.DevHost;
using TeamsAmdl.Functions.Hosting;

namespace TeamsAmdl.Functions.Tests;

/// <summary>
/// Issue 12: an exception escaping a function is never shown to the caller (stack traces named internal types in
/// Development). The worker middleware answers a German 500 naming the invocation id and logs the exception under it.
/// Called directly, as under the real Functions host, with the dev host's FunctionContext.
/// </summary>
public sealed class ErrorBoundaryMiddlewareTests
{
    [Fact]
    public async Task An_unhandled_exception_is_a_German_500_naming_the_correlation_id_and_is_logged_with_it()
    {
        var logs = new LogSink();
        await using var services = new ServiceCollection().AddLogging(b => b.AddProvider(logs)).BuildServiceProvider();
        var http = new DefaultHttpContext { RequestServices = services };
        http.Response.Body = new MemoryStream();
        var method = typeof(ErrorBoundaryMiddlewareTests).GetMethod(nameof(An_unhandled_exception_is_a_German_500_naming_the_correlation_id_and_is_logged_with_it))!;
        var context = new DevFunctionContext(new HttpFunction("boom", method, ["GET"], "boom"), services, CancellationToken.None);
        context.Items[DevFunctionContext.HttpContextKey] = http;

        await new ErrorBoundaryMiddleware().Invoke(context,
            _ => throw new InvalidOperationException("Secret detail of TeamsAmdl.Functions.Internal at line 3"));

        Assert.Equal(500, http.Response.StatusCode);
        Assert.Equal("application/problem+json", http.Response.ContentType?.Split(';')[0]);
        http.Response.Body.Position = 0;
        var body = await new StreamReader(http.Response.Body).ReadToEndAsync();
        var problem = JsonNode.Parse(body)!.AsObject();
        Assert.Equal("internal_error", (string?)problem["code"]);
        Assert.Contains(context.InvocationId, (string?)problem["title"]);
        Assert.Contains("interner Fehler", (string?)problem["title"]);
        Assert.DoesNotContain("Secret", body);
        Assert.DoesNotContain("TeamsAmdl.", body);
        Assert.DoesNotContain("Exception", body);
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Error && e.Message.Contains(context.InvocationId) && e.Exception is InvalidOperationException);
    }

    [Fact]
    public async Task Without_an_exception_the_function_answers_itself()
    {
        await using var services = new ServiceCollection().AddLogging().BuildServiceProvider();
        var http = new DefaultHttpContext { RequestServices = services };
        var method = typeof(ErrorBoundaryMiddlewareTests).GetMethod(nameof(Without_an_exception_the_function_answers_itself))!;
        var context = new DevFunctionContext(new HttpFunction("ok", method, ["GET"], "ok"), services, CancellationToken.None);
        context.Items[DevFunctionContext.HttpContextKey] = http;
        await new ErrorBoundaryMiddleware().Invoke(context, _ =>
        {
            http.Response.StatusCode = 204;
            return Task.CompletedTask;
        });
        Assert.Equal(204, http.Response.StatusCode);
    }

    private sealed record LogEntry(LogLevel Level, string Message, Exception? Exception);

    private sealed class LogSink : ILoggerProvider
    {
        public ConcurrentQueue<LogEntry> Entries { get; } = new();
        public ILogger CreateLogger(string categoryName) => new Logger(Entries);
        public void Dispose() { }

        private sealed class Logger(ConcurrentQueue<LogEntry> entries) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
            public bool IsEnabled(LogLevel logLevel) => true;
            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                entries.Enqueue(new LogEntry(logLevel, formatter(state, exception), exception));
        }
    }
}
