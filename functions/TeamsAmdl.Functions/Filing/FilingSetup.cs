using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using TeamsAmdl.Filing;
using TeamsAmdl.Filing.Documents;
using TeamsAmdl.Filing.Graph;
using TeamsAmdl.Functions.Filing;
using TeamsAmdl.Functions.Repositories;
using TeamsAmdl.Functions.Timers;

namespace TeamsAmdl.Functions.Filing
{


    /// <summary>How documents reach the e-Akte in this process.</summary>
    public enum FilingMode
    {
        /// <summary>SharePoint through Microsoft Graph (Filing:SiteId, Filing:DriveId).</summary>
        Graph,
        /// <summary>Development without Graph settings: the local folder (Filing:LocalFolder, default .data/e-akte).</summary>
        LocalFolder,
        /// <summary>A demo installation (Seed:Demo) outside Development without Graph settings: documents are stored and
        /// queued, and filed once the settings exist.</summary>
        Held,
        /// <summary>The settings are unusable: start-up stops with <see cref="FilingState.Problem"/>.</summary>
        Misconfigured,
    }

    public sealed record FilingState(FilingMode Mode, string? Problem, string Target);
}

namespace TeamsAmdl.Functions
{
    /// <summary>
    /// Wires e-Akte filing into the app (docs/filing.md): <c>builder.AddFiling()</c> registers the outbox, the document
    /// library, the renderers, the worker for the queue-triggered function filing-deliver. An unusable configuration registers
    /// nothing but <see cref="FilingState"/>: StartupChecks stops the start with one line naming the setting. The HTTP
    /// routes (filing-jobs, filing-requeue, dev-filing-demo) are the function classes in Filing/Functions.
    /// </summary>
    public static class FilingSetup
    {
        public static IHostApplicationBuilder AddFiling(this IHostApplicationBuilder builder)
        {
            var services = builder.Services;
            var config = builder.Configuration;
            var options = new FilingOptions();
            config.GetSection(FilingOptions.Section).Bind(options);
            var dev = builder.Environment.IsDevelopment();
            var demo = config.GetValue("Seed:Demo", dev);
            var problem = options.Problem(graphRequired: !dev && !demo);
            var localFolder = options.LocalFolder ?? Path.Combine(builder.Environment.ContentRootPath, ".data", "e-akte");
            var state = problem is not null ? new FilingState(FilingMode.Misconfigured, problem, "")
                : options.HasGraphTarget ? new FilingState(FilingMode.Graph, null, $"SharePoint (Website {options.SiteId}, Bibliothek {options.DriveId})")
                : dev ? new FilingState(FilingMode.LocalFolder, null, Path.GetFullPath(localFolder))
                : new FilingState(FilingMode.Held, null, "zurückgehalten, bis Filing:SiteId und Filing:DriveId gesetzt sind");
            services.AddSingleton(state);
            services.AddSingleton(options);
            if (state.Mode == FilingMode.Misconfigured)
                return builder;

            services.AddSingleton(sp => new FilingOutbox(
                sp.GetRequiredService<Tables>().Get(FilingOutbox.DefaultTableName),
                sp.GetRequiredService<QueueServiceClient>().GetQueueClient(StorageSetup.Prefixed(config, FilingOutbox.DefaultQueueName)),
                sp.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(StorageSetup.Prefixed(config, FilingOutbox.DefaultContainerName)),
                options,
                sp.GetRequiredService<TimeProvider>()));
            switch (state.Mode)
            {
                case FilingMode.Graph:
                    services.AddSingleton<IDocumentLibrary>(_ =>
                        new GraphDocumentLibrary(FilingGraph.CreateClient(options, FilingGraph.CreateCredential(options)), options));
                    break;
                case FilingMode.LocalFolder:
                    services.AddSingleton<IDocumentLibrary>(_ => new LocalFolderLibrary(localFolder));
                    break;
            }
            if (state.Mode != FilingMode.Held)
                services.AddSingleton(sp => new FilingWorker(sp.GetRequiredService<FilingOutbox>(), sp.GetRequiredService<IDocumentLibrary>(), options,
                    sp.GetRequiredService<ILogger<FilingWorker>>(), sp.GetRequiredService<TimeProvider>()));
            services.AddSingleton<FilingDemo>();

            var jobcenter = options.Jobcenter;
            services.AddSingleton(jobcenter);
            services.AddSingleton(new BewertungsbogenRenderer(jobcenter));
            services.AddSingleton(new MassnahmeinfoRenderer(jobcenter));
            services.AddSingleton(new AuslastungsberichtRenderer(jobcenter));
            services.AddSingleton(new MaengelschreibenRenderer(jobcenter));
            services.AddSingleton(new PruefberichtRenderer(jobcenter));
            services.AddSingleton(new ErwartungsbogenRenderer(jobcenter)); // Deadlines (R-TN-1)
            return builder;
        }
    }
}
