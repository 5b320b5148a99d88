namespace DocGen.Core.Editions;

/// <summary>
/// Builds table 三 (收到和处理政府信息公开申请情况): three header rows over seven applicant columns, and
/// a tree of row labels drawn in three label columns. A group's label spans the rows of its items;
/// a leaf's label spans the label columns left to its right. Groups have no data cells of their own.
/// </summary>
internal static class RequestsTable
{
    internal const int LabelColumns = 3;
    internal const string ResultTotalKey = "resultTotal";

    internal static readonly ColumnDef[] Columns =
    [
        new("natural", "自然人", ValueKind.Count),
        new("commercial", "商业企业", ValueKind.Count),
        new("research", "科研机构", ValueKind.Count),
        new("publicInterest", "社会公益组织", ValueKind.Count),
        new("legalService", "法律服务机构", ValueKind.Count),
        new("other", "其他", ValueKind.Count),
        new("total", "总计", ValueKind.Count),
    ];

    internal const string Note = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";
    internal const string ApplicantHeader = "申请人情况";
    internal const string OrganisationHeader = "法人或其他组织";

    /// <summary>A row label node: a leaf with a key carries data, a node with children is a group.</summary>
    internal sealed record Node(string Label, string? Key, IReadOnlyList<Node> Children)
    {
        public static Node Leaf(string key, string label) => new(label, key, []);
        public static Node Group(string label, params Node[] children) => new(label, null, children);
        public int LeafCount => Children.Count == 0 ? 1 : Children.Sum(c => c.LeafCount);
    }

    internal const string NewRequests = "newRequests";
    internal const string CarriedOver = "carriedOver";
    internal const string CarriedForward = "carriedForward";

    /// <summary>The rows of both editions; they differ only in （六）其他处理.</summary>
    internal static Node[] Tree(Node otherHandling) =>
    [
        Node.Leaf(NewRequests, "一、本年新收政府信息公开申请数量"),
        Node.Leaf(CarriedOver, "二、上年结转政府信息公开申请数量"),
        Node.Group("三、本年度办理结果",
            Node.Leaf("granted", "（一）予以公开"),
            Node.Leaf("partlyGranted", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
            Node.Group("（三）不予公开",
                Node.Leaf("withheldStateSecret", "1.属于国家秘密"),
                Node.Leaf("withheldProhibitedByLaw", "2.其他法律行政法规禁止公开"),
                Node.Leaf("withheldSecurityStability", "3.危及“三安全一稳定”"),
                Node.Leaf("withheldThirdParty", "4.保护第三方合法权益"),
                Node.Leaf("withheldInternalAffairs", "5.属于三类内部事务信息"),
                Node.Leaf("withheldProcessInformation", "6.属于四类过程性信息"),
                Node.Leaf("withheldEnforcementFiles", "7.属于行政执法案卷"),
                Node.Leaf("withheldQueryMatters", "8.属于行政查询事项")),
            Node.Group("（四）无法提供",
                Node.Leaf("unavailableNotHeld", "1.本机关不掌握相关政府信息"),
                Node.Leaf("unavailableNeedsCreation", "2.没有现成信息需要另行制作"),
                Node.Leaf("unavailableStillUnclear", "3.补正后申请内容仍不明确")),
            Node.Group("（五）不予处理",
                Node.Leaf("notProcessedComplaint", "1.信访举报投诉类申请"),
                Node.Leaf("notProcessedRepeated", "2.重复申请"),
                Node.Leaf("notProcessedPublication", "3.要求提供公开出版物"),
                Node.Leaf("notProcessedExcessive", "4.无正当理由大量反复申请"),
                Node.Leaf("notProcessedConfirmation", "5.要求行政机关确认或重新出具已获取信息")),
            otherHandling,
            Node.Leaf(ResultTotalKey, "（七）总计")),
        Node.Leaf(CarriedForward, "四、结转下年度继续办理"),
    ];

    internal const string OtherHandlingLabel = "（六）其他处理";

    /// <summary>2021: （六）其他处理 has three items.</summary>
    internal static Node OtherHandling2021 => Node.Group(OtherHandlingLabel,
        Node.Leaf("otherNoCorrection", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
        Node.Leaf("otherUnpaidFee", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
        Node.Leaf("otherOther", "3.其他"));

    /// <summary>2019: （六）其他处理 is one data row.</summary>
    internal static Node OtherHandling2019 => Node.Leaf("otherHandling", OtherHandlingLabel);

    internal static TableDef Build(Node otherHandling)
    {
        var tree = Tree(otherHandling);
        int dataStart = LabelColumns;
        var layout = new List<IReadOnlyList<LayoutCell>>
        {
            new LayoutCell[]
            {
                new(0, LabelColumns, 3, CellRole.ColumnHeader, Note, null),
                new(dataStart, 7, 1, CellRole.ColumnHeader, ApplicantHeader, null),
            },
            new LayoutCell[]
            {
                new(dataStart, 1, 2, CellRole.ColumnHeader, Columns[0].Label, null),
                new(dataStart + 1, 5, 1, CellRole.ColumnHeader, OrganisationHeader, null),
                new(dataStart + 6, 1, 2, CellRole.ColumnHeader, Columns[6].Label, null),
            },
            Columns[1..6].Select((c, i) => new LayoutCell(dataStart + 1 + i, 1, 1, CellRole.ColumnHeader, c.Label, null)).ToArray(),
        };
        var rows = new List<RowDef>();
        var pending = new List<LayoutCell>();
        void Walk(Node node, int depth, IReadOnlyList<string> path)
        {
            var labels = path.Append(node.Label).ToArray();
            if (node.Children.Count > 0)
            {
                pending.Add(new LayoutCell(depth, 1, node.LeafCount, CellRole.RowLabel, node.Label, null));
                foreach (var child in node.Children) Walk(child, depth + 1, labels);
                return;
            }
            pending.Add(new LayoutCell(depth, LabelColumns - depth, 1, CellRole.RowLabel, node.Label, null));
            pending.AddRange(Columns.Select((_, i) => new LayoutCell(dataStart + i, 1, 1, CellRole.Data, null, new CellRef(node.Key!, i))));
            layout.Add(pending.ToArray());
            pending.Clear();
            rows.Add(new RowDef(node.Key!, labels, Columns));
        }
        foreach (var node in tree) Walk(node, 0, []);

        return new TableDef
        {
            Id = TableIds.Requests,
            Name = "表三",
            SectionKey = SectionKeys.Requests,
            GridColumns = LabelColumns + Columns.Length,
            ColumnWidths = [0.07, 0.11, 0.27, 0.08, 0.08, 0.08, 0.08, 0.08, 0.08, 0.07],
            HeaderRows = 3,
            Rows = rows,
            Layout = layout,
            Rules = Rules(rows),
        };
    }

    /// <summary>This year's 二、上年结转 equals last year's 四、结转下年度继续办理, column by column.</summary>
    internal static YearRule CarryOver(TableDef table) => new()
    {
        Code = "CARRY_OVER_MISMATCH",
        TableId = table.Id,
        LeftName = $"本年“{table.Row(CarriedOver)!.Label}”",
        RightName = $"上年报告“{table.Row(CarriedForward)!.Label}”",
        Lanes = Columns.Select((c, i) => new YearLane($"{c.Label}列",
            [new Term(new CellRef(CarriedOver, i))], [new Term(new CellRef(CarriedForward, i), PreviousYear: true)])).ToArray(),
    };

    private static Rule[] Rules(IReadOnlyList<RowDef> rows)
    {
        int total = Columns.Length - 1;
        var applicantColumns = Enumerable.Range(0, total).ToArray();
        var results = rows.Where(r => r.LabelPath.Count > 1 && r.Key != ResultTotalKey).ToArray();
        var allColumns = Enumerable.Range(0, Columns.Length).ToArray();
        return
        [
            new Rule
            {
                Code = "ROW_TOTAL_MISMATCH",
                Severity = Severity.Error,
                LeftName = "总计",
                RightName = "自然人至其他六列之和",
                Lanes = rows.Select(r => new Lane(Lane.RowName(r), [new CellRef(r.Key, total)],
                    applicantColumns.Select(c => new CellRef(r.Key, c)).ToArray())).ToArray(),
            },
            new Rule
            {
                Code = "RESULT_TOTAL_MISMATCH",
                Severity = Severity.Error,
                LeftName = "（七）总计",
                RightName = "各项办理结果之和",
                Lanes = allColumns.Select(c => new Lane($"{Columns[c].Label}列", [new CellRef(ResultTotalKey, c)],
                    results.Select(r => new CellRef(r.Key, c)).ToArray())).ToArray(),
            },
            new Rule
            {
                Code = "BALANCE_MISMATCH",
                Severity = Severity.Error,
                LeftName = "一加二之和",
                RightName = "三（七）加四之和",
                Lanes = allColumns.Select(c => new Lane($"{Columns[c].Label}列",
                    [new CellRef(NewRequests, c), new CellRef(CarriedOver, c)],
                    [new CellRef(ResultTotalKey, c), new CellRef(CarriedForward, c)])).ToArray(),
            },
        ];
    }
}
