namespace DocGen.Infra.Tests;

/// <summary>
/// Reads the app settings out of the ARM expression Bicep compiles a conditional settings list into
/// (<c>[concat(if(variables('flex'), createArray(), createArray(…)), createArray(createObject('name', 'X', 'value', …), …))]</c>).
/// </summary>
internal static class ArmExpression
{
    /// <summary>Each setting's value (a literal unquoted, else the expression text), and the names set only off Flex Consumption.</summary>
    public static (Dictionary<string, string> Settings, HashSet<string> PremiumOnly) AppSettings(string expression)
    {
        const string premiumBranch = "if(variables('flex'), createArray(), createArray(";
        int branch = expression.IndexOf(premiumBranch, StringComparison.Ordinal);
        int branchEnd = branch < 0 ? -1 : Close(expression, branch + "if".Length);
        var settings = new Dictionary<string, string>();
        var premium = new HashSet<string>();
        const string item = "createObject('name', '";
        for (int at = expression.IndexOf(item, StringComparison.Ordinal); at >= 0; at = expression.IndexOf(item, at + 1, StringComparison.Ordinal))
        {
            int nameStart = at + item.Length;
            string name = expression[nameStart..expression.IndexOf('\'', nameStart)];
            int valueStart = expression.IndexOf("'value', ", nameStart, StringComparison.Ordinal) + "'value', ".Length;
            int close = Close(expression, at + "createObject".Length);
            string value = expression[valueStart..close].Trim();
            if (value.Length >= 2 && value[0] == '\'' && value[^1] == '\'' && !value[1..^1].Replace("''", "").Contains('\''))
                value = value[1..^1].Replace("''", "'");
            settings[name] = value;
            if (at > branch && at < branchEnd) premium.Add(name);
        }
        return (settings, premium);
    }

    /// <summary>The index of the parenthesis closing the one at <paramref name="open"/>, skipping quoted strings.</summary>
    private static int Close(string s, int open)
    {
        int depth = 0;
        bool quoted = false;
        for (int i = open; i < s.Length; i++)
        {
            char c = s[i];
            if (c == '\'') quoted = !quoted; // '' inside a string toggles twice
            else if (quoted) continue;
            else if (c == '(') depth++;
            else if (c == ')' && --depth == 0) return i;
        }
        throw new FormatException($"unbalanced parenthesis at {open}");
    }
}
