namespace TeamsAmdl.Cards;

// Enum members are written camelCase ("extraLarge", "bolder", ...) by CardJson's enum converter.
// Adaptive Cards treats these values case-insensitively.

public enum TextSize { Default, Small, Medium, Large, ExtraLarge }

public enum TextWeight { Default, Lighter, Bolder }

public enum TextColor { Default, Dark, Light, Accent, Good, Warning, Attention }

/// <summary>TextBlock.style (1.5): "heading" is announced as a heading by screen readers.</summary>
public enum TextBlockStyle { Default, Heading }

public enum Spacing { None, Small, Default, Medium, Large, ExtraLarge, Padding }

public enum ContainerStyle { Default, Emphasis, Good, Attention, Warning, Accent }

public enum HorizontalAlignment { Left, Center, Right }

public enum VerticalAlignment { Top, Center, Bottom }

public enum ImageSize { Auto, Stretch, Small, Medium, Large }

public enum ImageStyle { Default, Person }

public enum ActionStyle { Default, Positive, Destructive }

/// <summary>Which inputs an Action.Execute/Action.Submit sends: "auto" (all inputs of the card) or "none".</summary>
public enum AssociatedInputs { Auto, None }

/// <summary>Input.ChoiceSet.style: compact (drop-down), expanded (radio buttons / check boxes), filtered (1.5, type-ahead).</summary>
public enum ChoiceInputStyle { Compact, Expanded, Filtered }

/// <summary>Input.Text.style: a hint for the keyboard/validation of the client ("password" is 1.5).</summary>
public enum TextInputStyle { Text, Tel, Url, Email, Password }
