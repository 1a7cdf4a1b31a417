namespace TeamsAmdl.Filing;

/// <summary>
/// Where and as what a document is filed: folder <c>{Träger}/{Maßnahmenummer}/{Kategorie}/</c>, file
/// <c>{yyyy-MM-dd}_{Titel}.{ext}</c>, columns Kategorie, Maßnahmenummer, Träger, Dokumentart.
/// </summary>
public sealed record FilingTarget(
    string Traeger,
    string Massnahmenummer,
    FilingCategory Kategorie,
    string Dokumentart,
    DateOnly Datum,
    string Titel,
    string Extension)
{
    /// <summary>The sanitised path (see <see cref="FilingPath.For"/>).</summary>
    public FilingPath Path(int maxPathLength = SharePointNames.MaxPathLength) => FilingPath.For(this, maxPathLength);

    /// <summary>Column values for the list item, keyed by display name.</summary>
    public IReadOnlyDictionary<string, string> Columns() => new Dictionary<string, string>
    {
        ["Kategorie"] = Kategorie.DisplayName(),
        ["Maßnahmenummer"] = Massnahmenummer.Trim(),
        ["Träger"] = Traeger.Trim(),
        ["Dokumentart"] = Dokumentart.Trim(),
    };

    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(Traeger))
            throw new FilingRejectedException("missing_traeger", "Der Träger fehlt; ohne ihn gibt es keinen Ablageort.");
        if (string.IsNullOrWhiteSpace(Massnahmenummer))
            throw new FilingRejectedException("missing_measure", "Die Maßnahmenummer fehlt; ohne sie gibt es keinen Ablageort.");
        if (string.IsNullOrWhiteSpace(Titel))
            throw new FilingRejectedException("missing_title", "Der Titel des Dokuments fehlt.");
        if (string.IsNullOrWhiteSpace(Dokumentart))
            throw new FilingRejectedException("missing_kind", "Die Dokumentart fehlt.");
        if (!Enum.IsDefined(Kategorie))
            throw new FilingRejectedException("invalid_category", $"Unbekannte Kategorie „{Kategorie}“.");
        SharePointNames.Extension(Extension);
    }
}

/// <summary>A sanitised location in the library: three folder names and the file name.</summary>
public sealed record FilingPath(IReadOnlyList<string> Folders, string FileName)
{
    // Budgets per part; with the defaults the path is at most 80+1+60+1+40+1+160 = 343 characters.
    internal const int TraegerMax = 80;
    internal const int MeasureMax = 60;
    internal const int FileNameMax = 160;

    public string Folder => string.Join('/', Folders);
    public string FullPath => Folder + "/" + FileName;

    public override string ToString() => FullPath;

    /// <summary>
    /// Builds the path; forbidden characters become "_", overlong parts are shortened (with a hash tag, see
    /// <see cref="SharePointNames.Shorten"/>) so that the whole path fits <paramref name="maxPathLength"/>.
    /// </summary>
    public static FilingPath For(FilingTarget target, int maxPathLength = SharePointNames.MaxPathLength)
    {
        ArgumentNullException.ThrowIfNull(target);
        target.Validate();
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPathLength, 120);
        var ext = SharePointNames.Extension(target.Extension);
        var traeger = SharePointNames.Segment(target.Traeger, TraegerMax);
        var measure = SharePointNames.Segment(target.Massnahmenummer, MeasureMax);
        var category = SharePointNames.Segment(target.Kategorie.FolderName());
        var prefix = SharePointNames.Date(target.Datum) + "_";
        var suffix = "." + ext;

        var folderLength = traeger.Length + measure.Length + category.Length + 3;
        var titleBudget = Math.Min(FileNameMax, maxPathLength - folderLength) - prefix.Length - suffix.Length;
        if (titleBudget < 8)
        {
            // Only with a very small maxPathLength: give the Träger part less room.
            traeger = SharePointNames.Shorten(traeger, Math.Max(12, traeger.Length + titleBudget - 8), target.Traeger);
            folderLength = traeger.Length + measure.Length + category.Length + 3;
            titleBudget = Math.Min(FileNameMax, maxPathLength - folderLength) - prefix.Length - suffix.Length;
        }
        var title = SharePointNames.Segment(target.Titel, Math.Max(8, titleBudget));
        var fileName = prefix + title + suffix;
        return new FilingPath([traeger, measure, category], fileName);
    }
}
