using Azure.Core;
using Microsoft.Extensions.Logging;

namespace TeamsAmdl.CrashWorkers;

// Shared by the crash-test worker executables (tests/TeamsAmdl.OutboxCrashWorker, tests/TeamsAmdl.Filing.Tests/CrashWorker),
// linked into each: the test starts the worker, kills it mid-work, and starts it again.

/// <summary>Prints "ready", then runs the worker until stdin closes (the test asks for a graceful stop; a killed parent closes it too).</summary>
internal static class CrashWorkerHost
{
    public static string Env(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : throw new InvalidOperationException($"{name} is not set.");

    public static async Task RunUntilStdinClosesAsync(Func<CancellationToken, Task> run)
    {
        using var stop = new CancellationTokenSource();
        _ = Task.Run(() =>
        {
            Console.In.ReadToEnd();
            stop.Cancel();
        });
        Console.Out.WriteLine("ready");
        Console.Out.Flush();
        await run(stop.Token);
    }
}

/// <summary>A fixed bearer token for the fake peers.</summary>
internal sealed class StaticToken(string token) : TokenCredential
{
    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        new(token, DateTimeOffset.UtcNow.AddHours(1));

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        new(GetToken(requestContext, cancellationToken));
}

/// <summary>Log lines on stderr, which the test copies into its output.</summary>
internal sealed class StderrLogger<T>(LogLevel minimum) : ILogger<T>
{
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= minimum;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (IsEnabled(logLevel))
            Console.Error.WriteLine($"{logLevel}: {formatter(state, exception)}{(exception is null ? "" : " " + exception.GetType().Name + ": " + exception.Message)}");
    }
}
