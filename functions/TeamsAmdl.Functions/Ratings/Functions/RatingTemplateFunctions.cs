using System.Globalization;
using Microsoft.Azure.Functions.Worker;
using TeamsAmdl.Domain;
using TeamsAmdl.Domain.Ratings;
using TeamsAmdl.Functions.Auth;
using TeamsAmdl.Functions.Hosting;

namespace TeamsAmdl.Functions.Ratings.Functions;

/// <summary>The questionnaire templates (versioned): everybody reads, coordinators add versions.</summary>
public sealed class RatingTemplateFunctions(TemplateStore templates)
{
    /// <summary>GET api/ratings/templates: the latest version of each template.</summary>
    [Function("ratings-templates")]
    public async Task<IResult> List(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/ratings/templates")] HttpRequest req, CancellationToken cancellationToken) =>
        RatingApi.Json((await templates.ListLatestAsync(cancellationToken)).Select(t => new
        {
            t.Id, t.Version, t.Title, questions = t.Questions.Count,
            hardFacts = t.In(RatingSection.HardFacts).Count(), softFacts = t.In(RatingSection.SoftFacts).Count(),
            scale = new { t.Scale.Min, t.Scale.Max, t.Scale.Threshold },
        }));

    /// <summary>GET api/ratings/templates/{id} (?version=, default the latest).</summary>
    [Function("ratings-template")]
    public async Task<IResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/ratings/templates/{id}")] HttpRequest req, string id,
        CancellationToken cancellationToken)
    {
        string? raw = req.Query["version"];
        int? version = null;
        if (!string.IsNullOrEmpty(raw))
        {
            if (!int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) || parsed < 1)
                return ProblemResponses.Problem(400, "invalid_version", RatingTexts.InvalidVersion(raw));
            version = parsed;
        }
        var versions = await templates.VersionsAsync(id, cancellationToken);
        var v = version is null ? versions.LastOrDefault() : versions.FirstOrDefault(x => x.Template.Version == version);
        if (v.Template is null)
            return version is null
                ? ProblemResponses.Problem(404, "unknown_template", RatingTexts.UnknownTemplate(id))
                : ProblemResponses.Problem(404, "unknown_template_version", RatingTexts.UnknownTemplateVersion(id, version.Value));
        return RatingApi.Json(TemplateDto.From(v.Template, v.CreatedBy, v.CreatedAt));
    }

    /// <summary>POST api/ratings/templates/{id}/versions: the next version (coordinators; 409 if it exists).</summary>
    [Function("ratings-template-version"), MaxBody(256 * 1024)]
    public async Task<IResult> AddVersion(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/ratings/templates/{id}/versions")] HttpRequest req, string id,
        CancellationToken cancellationToken)
    {
        if (!RatingApi.IsCoordinator(req.HttpContext.User)) return RatingApi.Forbidden();
        var body = await JsonBody.ReadAsync<TemplateDto>(req, cancellationToken);
        if (body.Problem is { } p) return p;
        var dto = body.Value!;
        var latest = await templates.LatestAsync(id, cancellationToken);
        var next = (latest?.Version ?? 0) + 1;
        if (dto.Version != 0 && dto.Version != next) return ProblemResponses.Problem(409, "wrong_version", RatingTexts.WrongNextVersion(next));
        QuestionnaireTemplate template;
        try
        {
            template = dto.ToDomain(id, next);
        }
        catch (DomainValidationException e)
        {
            return ProblemResponses.Problem(400, "invalid_template", e.Message);
        }
        if (!await templates.AddAsync(template, CurrentUser.From(req.HttpContext.User).StaffId, cancellationToken))
            return ProblemResponses.Problem(409, "version_exists", RatingTexts.VersionExists(id, next));
        return RatingApi.Json(TemplateDto.From(template), 201);
    }
}
