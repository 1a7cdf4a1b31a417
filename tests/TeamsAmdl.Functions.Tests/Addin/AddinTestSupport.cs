using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using TeamsAmdl.TestSupport;

namespace TeamsAmdl.Functions.Tests.Addin;

/// <summary>The app with its own dev e-Akte folder (a temp folder, deleted on dispose), filing within a second.</summary>
public class AddinAppFactory : AppFactory, IAsyncLifetime
{
    public string EAkteFolder { get; } = Path.Combine(Path.GetTempPath(), "teamsamdl-addin-e-akte-" + Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Filing:LocalFolder", EAkteFolder);
        builder.UseSetting("Filing:PollInterval", "00:00:00.050");
        builder.UseSetting("Filing:MaxPollInterval", "00:00:00.200");
    }

    public virtual Task InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        try { Directory.Delete(EAkteFolder, recursive: true); } catch (DirectoryNotFoundException) { }
    }

    /// <summary>The files in the e-Akte folder (relative, "/"-separated), without the .versionen/.spalten bookkeeping.</summary>
    public IReadOnlyList<string> EAkteFiles() => !Directory.Exists(EAkteFolder) ? [] :
        Directory.GetFiles(EAkteFolder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(EAkteFolder, f).Replace('\\', '/'))
            .Where(f => !f.Split('/').Any(part => part.StartsWith('.'))).Order(StringComparer.Ordinal).ToList();

    /// <summary>Waits (up to 20 s) until the e-Akte folder holds <paramref name="count"/> files.</summary>
    public async Task<IReadOnlyList<string>> WaitForFilesAsync(int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var files = EAkteFiles();
            if (files.Count >= count || DateTime.UtcNow > deadline) return files;
            await Task.Delay(100);
        }
    }
}

/// <summary>The same app on a Kestrel port, for Chromium.</summary>
public sealed class AddinKestrelFactory : AddinAppFactory
{
    public string BaseUrl { get; private set; } = "";

    public override Task InitializeAsync()
    {
        BaseUrl = BrowserFixture.StartOnKestrel(this);
        return Task.CompletedTask;
    }
}

/// <summary>A fictitious mail as Outlook shows it to the add-in (no real people; Träger staff only by function).</summary>
public sealed record TestMail(string Subject, string SenderName, string SenderAddress, DateTimeOffset Received, string Body,
    IReadOnlyList<TestAttachment> Attachments)
{
    public string InternetMessageId { get; init; } = $"<{Guid.NewGuid():N}@mail.example>";

    /// <summary>The .eml as getAsFileAsync would deliver it (RFC 5322 text; attachments left out for brevity).</summary>
    public string Eml =>
        $"Message-ID: {InternetMessageId}\r\nFrom: {SenderName} <{SenderAddress}>\r\nTo: koordination@jobcenter.example\r\n" +
        $"Subject: {Subject}\r\nDate: {Received:r}\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{Body}\r\n";
}

public sealed record TestAttachment(string Id, string Name, string ContentType, byte[] Content);

/// <summary>Attachment contents: a small PDF, a spreadsheet's bytes, a Windows program's header.</summary>
public static class TestFiles
{
    public static byte[] Pdf(string text) => Encoding.ASCII.GetBytes("%PDF-1.4\n% " + text + "\n%%EOF\n");

    public static byte[] Xlsx() => [0x50, 0x4B, 0x03, 0x04, .. Encoding.ASCII.GetBytes("[Content_Types].xml Anwesenheit")];

    /// <summary>"MZ", the PE offset at 0x3C, "PE\0\0" there: what a Windows program starts with.</summary>
    public static byte[] Exe()
    {
        var b = new byte[0x80];
        b[0] = (byte)'M'; b[1] = (byte)'Z'; b[0x3C] = 0x40;
        "PE\0\0"u8.CopyTo(b.AsSpan(0x40));
        return b;
    }
}

/// <summary>
/// Microsoft's office-addin-mock (npm, a CommonJS library for Node) in Chromium: its three lib files are wrapped in a
/// tiny module loader, with the one import it needs from office-addin-manifest (the OfficeApp names) inlined. The
/// mail's data, in the mock's documented object shape, becomes <c>window.Office</c> before the page's scripts run; the
/// request for office.js from Microsoft's CDN is answered with an empty script (closed network).
/// </summary>
public static class OfficeStandIn
{
    public const string OfficeJsUrl = "https://appsforoffice.microsoft.com/**";

    private static readonly Lazy<string> Bundle = new(() =>
    {
        var lib = Path.Combine(RepoRoot.Find(), "node_modules", "office-addin-mock", "lib");
        var sb = new StringBuilder("(function () {\nvar sources = {\n");
        foreach (var name in new[] { "officeMockObject", "host", "possibleErrors" })
            sb.Append($"'./{name}': function (exports, require) {{\n{File.ReadAllText(Path.Combine(lib, name + ".js"))}\n}},\n");
        sb.Append("""
            'office-addin-manifest': function (exports) {
              exports.OfficeApp = { Excel: 'excel', OneNote: 'onenote', Outlook: 'outlook', PowerPoint: 'powerpoint', Project: 'project', Word: 'word' };
            }
            };
            var cache = {};
            function load(name) {
              if (!cache[name]) { cache[name] = {}; sources[name](cache[name], load); }
              return cache[name];
            }
            window.OfficeAddinMock = load('./officeMockObject');
            })();

            """);
        return sb.ToString();
    });

    /// <summary>The init script: the bundled mock, then <c>window.Office</c> for <paramref name="mail"/>.</summary>
    public static string Script(TestMail mail, bool dark = false)
    {
        var data = JsonSerializer.Serialize(new
        {
            subject = mail.Subject,
            internetMessageId = mail.InternetMessageId,
            dateTimeCreated = mail.Received.ToString("O"),
            from = new { displayName = mail.SenderName, emailAddress = mail.SenderAddress },
            body = mail.Body,
            eml = Convert.ToBase64String(Encoding.UTF8.GetBytes(mail.Eml)),
            dark,
            attachments = mail.Attachments.Select(a => new
            {
                id = a.Id, name = a.Name, contentType = a.ContentType, size = a.Content.Length, attachmentType = "file", isInline = false,
                content = Convert.ToBase64String(a.Content),
            }),
        });
        return Bundle.Value + "(" + OfficeData + ")(" + data + ");";
    }

    /// <summary>The Office.js surface the task pane uses, as office-addin-mock data (Outlook host: values need no load/sync).</summary>
    private const string OfficeData = """
        function (mail) {
          var contents = {};
          mail.attachments.forEach(function (a) { contents[a.id] = a.content; });
          function done(cb, value) { setTimeout(function () { cb({ status: 'succeeded', value: value }); }, 0); }
          function callback(a, b) { return typeof a === 'function' ? a : b; }
          window.Office = new window.OfficeAddinMock.OfficeMockObject({
            host: 'outlook',
            onReady: function () { return Promise.resolve({ host: 'Outlook', platform: 'OfficeOnline' }); },
            AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
            CoercionType: { Text: 'text', Html: 'html' },
            MailboxEnums: { CategoryColor: { Preset7: 'preset7' } },
            auth: { getAccessToken: function () { return Promise.reject(new Error('no SSO in tests')); } },
            context: {
              officeTheme: { bodyBackgroundColor: mail.dark ? '#292929' : '#ffffff' },
              requirements: { isSetSupported: function (name, version) { return name === 'Mailbox' && parseFloat(version) <= 1.14; } },
              mailbox: {
                masterCategories: { added: [], addAsync: function (c, cb) { var self = this; c.forEach(function (x) { self.added.push(x.displayName); }); done(cb); } },
                item: {
                  subject: mail.subject,
                  internetMessageId: mail.internetMessageId,
                  dateTimeCreated: new Date(mail.dateTimeCreated),
                  from: mail.from,
                  attachments: mail.attachments.map(function (a) {
                    return { id: a.id, name: a.name, contentType: a.contentType, size: a.size, attachmentType: a.attachmentType, isInline: a.isInline };
                  }),
                  categories: { applied: [], addAsync: function (c, cb) { var self = this; c.forEach(function (x) { self.applied.push(x); }); done(cb); } },
                  body: { getAsync: function (type, cb) { done(cb, mail.body); } },
                  getAsFileAsync: function (a, b) { done(callback(a, b), mail.eml); },
                  getAttachmentContentAsync: function (id, a, b) { done(callback(a, b), { format: 'base64', content: contents[id] }); }
                }
              }
            }
          });
        }
        """;
}
