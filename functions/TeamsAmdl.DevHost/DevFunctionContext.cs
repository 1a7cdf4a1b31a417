using System.Collections;
using System.Collections.Immutable;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Context.Features;

namespace TeamsAmdl.DevHost;

/// <summary>
/// The <see cref="FunctionContext"/> of one invocation in the dev host: the function's definition (name and entry
/// point, which the middleware reads), the invocation's service scope, and Items (the HttpContext under the key the
/// worker's ASP.NET Core integration uses, so <c>GetHttpContext()</c> works alike).
/// </summary>
public sealed class DevFunctionContext(FunctionEntry function, IServiceProvider services, CancellationToken cancellationToken) : FunctionContext
{
    /// <summary>Key of the HttpContext in <see cref="Items"/> (Worker.Extensions.Http.AspNetCore's Constants.HttpContextKey).</summary>
    public const string HttpContextKey = "HttpRequestContext";

    public override string InvocationId { get; } = Guid.NewGuid().ToString();
    public override string FunctionId => function.Name;
    public override TraceContext TraceContext => null!;
    public override BindingContext BindingContext => null!;
    public override RetryContext RetryContext => null!;
    public override IServiceProvider InstanceServices { get; set; } = services;
    public override FunctionDefinition FunctionDefinition { get; } = new Definition(function);
    public override IDictionary<object, object> Items { get; set; } = new Dictionary<object, object>();
    public override IInvocationFeatures Features { get; } = new FeatureSet();
    public override CancellationToken CancellationToken => cancellationToken;

    private sealed class Definition(FunctionEntry f) : FunctionDefinition
    {
        public override ImmutableArray<FunctionParameter> Parameters => [];
        public override string PathToAssembly => f.Method.DeclaringType!.Assembly.Location;
        public override string EntryPoint => f.EntryPoint;
        public override string Id => f.Name;
        public override string Name => f.Name;
        public override IImmutableDictionary<string, BindingMetadata> InputBindings => ImmutableDictionary<string, BindingMetadata>.Empty;
        public override IImmutableDictionary<string, BindingMetadata> OutputBindings => ImmutableDictionary<string, BindingMetadata>.Empty;
    }

    private sealed class FeatureSet : IInvocationFeatures
    {
        private readonly Dictionary<Type, object> _features = [];
        public T? Get<T>() => _features.TryGetValue(typeof(T), out var f) ? (T)f : default;
        public void Set<T>(T instance) { if (instance is null) _features.Remove(typeof(T)); else _features[typeof(T)] = instance; }
        public IEnumerator<KeyValuePair<Type, object>> GetEnumerator() => _features.GetEnumerator();
        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
