using TeamsAmdl.Domain.Ratings;

namespace TeamsAmdl.Domain.Tests.Ratings;

/// <summary>R-RATE-6: quarterly TM data as CSV; malformed rows reported by line, valid rows imported, same rule flags.</summary>
public class TmQuarterlyCsvTests
{
    private const string Header = "Maßnahmenummer;Träger;Quartal;Hard Facts Durchschnitt;Soft Facts Durchschnitt;Soft: Zusammenarbeit;Soft: Erreichbarkeit";

    [Fact]
    public void Valid_rows_import_and_the_rule_flags_them()
    {
        var csv = "\uFEFF" + Header + "\r\n" +
                  "962-E-2026-0101;Bildungswerk Rheinaue gGmbH;2026-Q3;3,25;3,5;4;3\r\n" +
                  "962-E-2026-0102;\"Kompass Coaching GmbH; Standort Nord\";Q3/2026;1,99;3,5;4;3\r\n" +
                  "962-E-2026-0103;Hafen;3/2026;3,5;3,5;1;4\r\n" +
                  "962-E-2026-0104;Lernfabrik;2026-Q3;2,0;2.0;2;\r\n";
        var result = TmQuarterlyCsv.Parse(csv, RatingScale.Default);
        Assert.Empty(result.Errors);
        Assert.Equal(4, result.Rows.Count);
        Assert.All(result.Rows, r => Assert.Equal("2026-Q3", r.Quarter));
        Assert.Equal([2, 3, 4, 5], result.Rows.Select(r => r.Line));
        var flags = result.Rows.Select(r => string.Join(' ', r.Evaluate(2m).BadValues.Select(b => b.Key))).ToList();
        Assert.Equal(["", "avg-hard", "q-Zusammenarbeit", ""], flags);
        Assert.Single(result.Rows[3].SoftValues); // empty single value = not rated
    }

    [Fact]
    public void Malformed_rows_are_reported_by_line_number_and_the_valid_ones_still_import()
    {
        var csv = Header + "\n" +
                  "962-E-2026-0101;A;2026-Q3;3;3;3;3\n" +        // 2 ok
                  "962-E-2026-0102;B;2026-Q3;drei;3;3;3\n" +     // 3 not a number
                  "962-E-2026-0103;C;2026-Q3;3;3;3\n" +          // 4 a column short
                  "\n" +                                         // 5 blank: skipped silently
                  "962-E-2026-0104;D;2026-Q5;3;3;3;3\n" +        // 6 bad quarter
                  "962-E-2026-0105;E;2026-Q3;3;4,5;3;3\n" +      // 7 out of scale
                  ";F;2026-Q3;3;3;3;3\n" +                       // 8 no measure
                  "962-E-2026-0101;A;2026-Q3;2;2;2;2\n" +        // 9 repeat of line 2
                  "962-E-2026-0106;\"G\nmit Umbruch\";2026-Q3;1;1;1;1\n" + // 10-11 quoted line break: ok
                  "962-E-2026-0107;H;2026-Q3;;3;3;3\n" +         // 12 missing hard average
                  "962-E-2026-0108;\"I;2026-Q3;3;3;3;3\n";       // 13 unclosed quote
        var result = TmQuarterlyCsv.Parse(csv, RatingScale.Default);
        Assert.Equal(["962-E-2026-0101", "962-E-2026-0106"], result.Rows.Select(r => r.MeasureNumber));
        Assert.Equal(10, result.Rows[1].Line);
        Assert.Equal([3, 4, 6, 7, 8, 9, 12, 13], result.Errors.Select(e => e.Line));
        Assert.Contains("„drei“ ist keine Zahl", result.Errors[0].Message);
        Assert.Contains("6 Spalten, die Kopfzeile 7", result.Errors[1].Message);
        Assert.Contains("Quartal", result.Errors[2].Message);
        Assert.Contains("4,5 liegt außerhalb der Skala 1–4", result.Errors[3].Message);
        Assert.Contains("Maßnahmenummer fehlt", result.Errors[4].Message);
        Assert.Contains("schon in Zeile 2", result.Errors[5].Message);
        Assert.Contains("Hard Facts Durchschnitt fehlt", result.Errors[6].Message);
        Assert.Contains("Anführungszeichen", result.Errors[7].Message);
    }

    [Fact]
    public void A_header_without_the_required_columns_is_one_error_on_line_1()
    {
        var result = TmQuarterlyCsv.Parse("Nummer;Quartal;Hard\n1;2026-Q1;3\n", RatingScale.Default);
        Assert.Empty(result.Rows);
        var e = Assert.Single(result.Errors);
        Assert.Equal(1, e.Line);
        Assert.Equal("In der Kopfzeile fehlt: Maßnahmenummer, Hard Facts Durchschnitt, Soft Facts Durchschnitt.", e.Message);
        Assert.Equal(1, Assert.Single(TmQuarterlyCsv.Parse("", RatingScale.Default).Errors).Line);
    }

    [Fact]
    public void Comma_separated_files_with_decimal_points_work_too()
    {
        var result = TmQuarterlyCsv.Parse("Massnahmenummer,Quartal,Ø Hard Facts,Ø Soft Facts,Soft: Qualität der Berichte\n962-X,Q4 2026,2.5,3.25,1.5\n",
            RatingScale.Default);
        var row = Assert.Single(result.Rows);
        Assert.Equal(("2026-Q4", 2.5m, 3.25m), (row.Quarter, row.HardAverage, row.SoftAverage));
        Assert.Equal(["q-Qualität der Berichte"], row.Evaluate(2m).BadValues.Select(b => b.Key));
    }

    [Theory]
    [InlineData("2026-Q3", "2026-Q3")]
    [InlineData("q3/2026", "2026-Q3")]
    [InlineData("III/2026", "2026-Q3")]
    [InlineData("4.2026", "2026-Q4")]
    [InlineData("2026-Q0", null)]
    [InlineData("Herbst", null)]
    public void Quarters(string input, string? expected) => Assert.Equal(expected, TmQuarterlyCsv.NormalizeQuarter(input));
}
