namespace TeamsAmdl.Cards;

/// <summary>The green "number of free places" block shared by the free-place alert and the measure summary.</summary>
internal static class FreePlacesBlock
{
    public static Container Build(int freePlaces, string label, string detail) => new(
    [
        new ColumnSet(
        [
            Column.Auto(new TextBlock(CardTexts.Common.Number(freePlaces))
                { Size = TextSize.ExtraLarge, Weight = TextWeight.Bolder, Color = TextColor.Good }) with
            {
                VerticalContentAlignment = VerticalAlignment.Center,
            },
            Column.Stretch(
                new TextBlock(label) { Weight = TextWeight.Bolder },
                TextBlock.Subtle(detail) with { Spacing = Spacing.None }) with
            {
                VerticalContentAlignment = VerticalAlignment.Center,
            },
        ]),
    ]) { Style = ContainerStyle.Good, Spacing = Spacing.Medium };
}
