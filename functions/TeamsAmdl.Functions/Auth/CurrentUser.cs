using System.Security.Claims;
using TeamsAmdl.Domain;

namespace TeamsAmdl.Functions.Auth;

/// <summary>The authenticated staff member of a request.</summary>
public sealed record CurrentUser(string StaffId, string DisplayName, IReadOnlySet<StaffRole> Roles)
{
    public bool Has(StaffRole role) => Roles.Contains(role);

    public static ClaimsPrincipal ToPrincipal(Staff s, string scheme)
    {
        var claims = new List<Claim> { new(AuthSchemes.StaffIdClaim, s.Id), new(ClaimTypes.Name, s.DisplayName) };
        claims.AddRange(s.Roles.Select(r => new Claim(ClaimTypes.Role, r.ToString())));
        if (!s.Active) claims.Add(new Claim(AuthSchemes.DeactivatedClaim, "true"));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }

    public static CurrentUser From(ClaimsPrincipal p) => new(
        p.FindFirstValue(AuthSchemes.StaffIdClaim) ?? throw new InvalidOperationException("not authenticated"),
        p.FindFirstValue(ClaimTypes.Name) ?? "",
        p.FindAll(ClaimTypes.Role).Select(c => Enum.Parse<StaffRole>(c.Value)).ToHashSet());
}
