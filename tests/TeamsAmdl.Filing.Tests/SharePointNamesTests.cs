namespace TeamsAmdl.Filing.Tests;

public sealed class SharePointNamesTests
{
    [Theory]
    [InlineData("A/B GmbH", "A_B GmbH")]
    [InlineData("  Bildung:Plus*  ", "Bildung_Plus_")]
    [InlineData("\"Neue\" <Wege> | e.V.", "_Neue_ _Wege_ _ e.V")]
    [InlineData("Back\\slash?", "Back_slash_")]
    [InlineData("...Punkte...", "Punkte")]
    [InlineData("Tab\tund\nZeilen", "Tab und Zeilen")]
    [InlineData("~$Sperre", "Sperre")]
    [InlineData("CON", "CON_")]
    [InlineData("aux.txt", "aux_.txt")]
    [InlineData("desktop.ini", "desktop_.ini")]
    [InlineData("Ordner_vti_x", "Ordner_vti-x")]
    [InlineData("   ", "Unbenannt")]
    [InlineData("50% #1", "50_ _1")]
    public void Names_are_made_valid(string input, string expected) =>
        Assert.Equal(expected, SharePointNames.Segment(input));

    [Fact]
    public void Decomposed_umlauts_are_composed() =>
        Assert.Equal("Träger", SharePointNames.Segment("Tra\u0308ger"));

    [Fact]
    public void Long_names_are_cut_with_a_hash_so_they_stay_distinct()
    {
        var a = SharePointNames.Segment(new string('a', 300) + "1", 100);
        var b = SharePointNames.Segment(new string('a', 300) + "2", 100);
        Assert.Equal(100, a.Length);
        Assert.Equal(100, b.Length);
        Assert.NotEqual(a, b);
        Assert.Matches("^a{93}~[0-9a-f]{6}$", a);
    }

    [Fact]
    public void A_cut_never_splits_a_surrogate_pair_or_ends_in_a_dot()
    {
        var s = SharePointNames.Segment(new string('x', 90) + "." + string.Concat(Enumerable.Repeat("😀", 40)), 100);
        Assert.True(s.Length <= 100);
        Assert.False(char.IsHighSurrogate(s[s.IndexOf('~') - 1]));
        var dotted = SharePointNames.Segment(new string('x', 92) + ". . . yyyyyyyyyyyy", 100);
        Assert.Matches("^x{92}~[0-9a-f]{6}$", dotted);
    }

    [Fact]
    public void Paths_of_400_character_parts_fit_400_characters()
    {
        var target = new FilingTarget(new string('T', 400), new string('9', 400), FilingCategory.TeilnehmerbefragungenBeschwerden, "Befragung",
            new DateOnly(2026, 1, 2), new string('B', 400), "docx");
        var path = target.Path();
        Assert.True(path.FullPath.Length <= 400);
        Assert.All(path.FullPath.Split('/'), s => Assert.InRange(s.Length, 1, 255));
        Assert.StartsWith("2026-01-02_BBB", path.FileName);
        Assert.EndsWith(".docx", path.FileName);
        Assert.Equal("Teilnehmerbefragungen und -beschwerden", path.Folders[2]);

        var tight = target.Path(maxPathLength: 200);
        Assert.True(tight.FullPath.Length <= 200, $"{tight.FullPath.Length}");
    }

    [Fact]
    public void Every_category_has_a_valid_folder_name_and_the_spec_display_name()
    {
        Assert.Equal(9, Enum.GetValues<FilingCategory>().Length);
        foreach (var c in Enum.GetValues<FilingCategory>())
            Assert.Equal(c.FolderName(), SharePointNames.Segment(c.FolderName()));
        Assert.Equal("Vor-Ort-Besuche/Prüfberichte", FilingCategory.VorOrtBesuchePruefberichte.DisplayName());
        Assert.Equal("Bewertungsbögen TM", FilingCategory.BewertungsboegenTm.DisplayName());
    }
}
