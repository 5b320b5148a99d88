using DocGen.Core.Editions;

namespace DocGen.Core.Validation;

/// <summary>
/// The Chinese wording of a failing rule lane, in one place: the validator prints it, and the service
/// publishes it (with placeholders) so the web page shows the same words as the command line.
/// </summary>
public static class RuleMessages
{
    /// <summary>"{table} {lane}：{leftName}为{left}，{rightName}为{right}，{relation}".</summary>
    public static string Lane(TableDef table, Rule rule, Lane lane, string left, string right)
    {
        string relation = rule.Comparison == Comparison.Equal ? "两者应相等" : $"不应小于{rule.RightName}";
        return $"{table.Name} {lane.Label}：{rule.LeftName}为{left}，{rule.RightName}为{right}，{relation}";
    }
}
