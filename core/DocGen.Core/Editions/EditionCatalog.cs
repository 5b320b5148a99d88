namespace DocGen.Core.Editions;

/// <summary>
/// The three editions seen in published reports. Labels are character for character as in the
/// format (shared/domain/FORMAT.md): full-width brackets and colons, “ ” quotes, ASCII "1." enumerators.
/// </summary>
public static class EditionCatalog
{
    public const string Id2021 = "2021";
    public const string Id2019 = "2019";
    public const string IdLegacy = "legacy";

    private static SectionDef[] MandatedSections() =>
    [
        new(SectionKeys.Overview, "一、总体情况", [], null),
        new(SectionKeys.Proactive, "二、主动公开政府信息情况", [], TableIds.Proactive),
        new(SectionKeys.Requests, "三、收到和处理政府信息公开申请情况", [], TableIds.Requests),
        new(SectionKeys.Reviews, "四、政府信息公开行政复议、行政诉讼情况",
            ["四、因政府信息公开工作被申请行政复议、提起行政诉讼情况", "四、因政府信息公开工作被申请行政复议提起行政诉讼情况"],
            TableIds.Reviews),
        new(SectionKeys.Problems, "五、存在的主要问题及改进情况", ["五、政府信息公开工作存在的主要问题及改进情况"], null),
        new(SectionKeys.Other, "六、其他需要报告的事项", [], null),
    ];

    // Captions of table 二, from 第二十条 of the Regulation.
    private const string Item1 = "第二十条第（一）项";
    private const string Item5 = "第二十条第（五）项";
    private const string Item6 = "第二十条第（六）项";
    private const string Item8 = "第二十条第（八）项";
    private const string Item9 = "第二十条第（九）项";

    private static readonly (string, string) Regulations = ("regulations", "规章");
    private static readonly (string, string) Licensing = ("licensing", "行政许可");
    private static readonly (string, string) Penalties = ("penalties", "行政处罚");
    private static readonly (string, string) Enforcement = ("enforcement", "行政强制");
    private static readonly (string, string) Fees = ("fees", "行政事业性收费");

    public static Edition Edition2021 { get; } = Build2021();
    public static Edition Edition2019 { get; } = Build2019();
    public static Edition Legacy { get; } = BuildLegacy();

    public static IReadOnlyList<Edition> All { get; } = [Edition2021, Edition2019, Legacy];

    public static Edition? Find(string? id) => All.FirstOrDefault(e => e.Id == id);

    private static Edition Build2021()
    {
        var decisions = new ColumnDef[] { new("decisions", "本年处理决定数量", ValueKind.Count) };
        var proactive = ProactiveTable.Build(
        [
            new(Item1, [new("issued", "本年制发件数", ValueKind.Count), new("repealed", "本年废止件数", ValueKind.Count), new("inForce", "现行有效件数", ValueKind.Count)],
                [Regulations, ("normativeDocuments", "行政规范性文件")]),
            new(Item5, decisions, [Licensing]),
            new(Item6, decisions, [Penalties, Enforcement]),
            new(Item8, [new("amount", "本年收费金额（单位：万元）", ValueKind.Money)], [Fees]),
        ], _ => []);
        var requests = RequestsTable.Build(RequestsTable.OtherHandling2021);
        var documents = proactive.Rows.Where(r => r.LabelPath[0] == Item1).ToArray();
        return new Edition
        {
            Id = Id2021,
            Instrument = "国办公开办函〔2021〕30号",
            Mandated = true,
            FirstYear = 2021,
            LastYear = null,
            Sections = MandatedSections(),
            Tables = [proactive, requests, ReviewsTable.Build()],
            YearRules =
            [
                RequestsTable.CarryOver(requests),
                // 现行有效: last year's + 本年制发 − 本年废止 (a revision issued and its old text repealed keeps the balance).
                new YearRule
                {
                    Code = "IN_FORCE_BALANCE",
                    TableId = proactive.Id,
                    LeftName = $"本年{documents[0].Columns[2].Label}",
                    RightName = $"上年{documents[0].Columns[2].Label}加{documents[0].Columns[0].Label}减{documents[0].Columns[1].Label}",
                    Lanes = documents.Select(r => new YearLane(Lane.RowName(r), [new Term(new CellRef(r.Key, 2))],
                        [new Term(new CellRef(r.Key, 2), PreviousYear: true), new Term(new CellRef(r.Key, 0)), new Term(new CellRef(r.Key, 1), -1)])).ToArray(),
                },
            ],
        };
    }

    private static Edition Build2019()
    {
        var previous = new ColumnDef("previous", "上一年项目数量", ValueKind.Count);
        var change = new ColumnDef("change", "本年增/减", ValueKind.Change);
        var itemColumns = new[] { previous, change, new ColumnDef("decisions", "处理决定数量", ValueKind.Count) };
        var proactive = ProactiveTable.Build(
        [
            new(Item1, [new("made", "本年新制作数量", ValueKind.Count), new("published", "本年新公开数量", ValueKind.Count), new("total", "对外公开总数量", ValueKind.Count)],
                [Regulations, ("normativeDocuments", "规范性文件")]),
            new(Item5, itemColumns, [Licensing, ("otherServices", "其他对外管理服务事项")]),
            new(Item6, itemColumns, [Penalties, Enforcement]),
            new(Item8, [previous, change], [Fees]),
            new(Item9, [new("projects", "采购项目数量", ValueKind.Count), new("amount", "采购总金额", ValueKind.Money)],
                [("procurement", "政府集中采购")]),
        ],
        rows =>
        [
            new Rule
            {
                Code = "PUBLISHED_EXCEEDS_TOTAL",
                Severity = Severity.Warning,
                Comparison = Comparison.AtLeast,
                LeftName = "对外公开总数量",
                RightName = "本年新公开数量",
                Lanes = rows.Where(r => r.LabelPath[0] == Item1)
                    .Select(r => new Lane(Lane.RowName(r), [new CellRef(r.Key, 2)], [new CellRef(r.Key, 1)]))
                    .ToArray(),
            },
        ]);
        var requests = RequestsTable.Build(RequestsTable.OtherHandling2019);
        var items = proactive.Rows.Where(r => r.Columns.Count >= 2 && r.Columns[0] == previous && r.Columns[1] == change).ToArray();
        return new Edition
        {
            Id = Id2019,
            Instrument = "国办公开办函〔2019〕60号",
            Mandated = true,
            FirstYear = 2019,
            LastYear = 2020,
            Sections = MandatedSections(),
            Tables = [proactive, requests, ReviewsTable.Build()],
            YearRules =
            [
                RequestsTable.CarryOver(requests),
                // This year's 上一年项目数量 is last year's 上一年项目数量 plus its 本年增/减.
                new YearRule
                {
                    Code = "ITEM_COUNT_CARRY",
                    TableId = proactive.Id,
                    LeftName = $"本年{previous.Label}",
                    RightName = $"上年报告的{previous.Label}加{change.Label}",
                    Lanes = items.Select(r => new YearLane(Lane.RowName(r), [new Term(new CellRef(r.Key, 0))],
                        [new Term(new CellRef(r.Key, 0), PreviousYear: true), new Term(new CellRef(r.Key, 1), PreviousYear: true)])).ToArray(),
                },
            ],
        };
    }

    private static Edition BuildLegacy() => new()
    {
        Id = IdLegacy,
        Instrument = "《中华人民共和国政府信息公开条例》（国务院令第492号）",
        Mandated = false,
        FirstYear = 2008,
        LastYear = 2018,
        // The customary parts of pre-2019 reports, a starting point for a template; reports may differ.
        Sections =
        [
            new("part1", "一、概述", [], null),
            new("part2", "二、主动公开政府信息情况", [], null),
            new("part3", "三、依申请公开政府信息情况", [], null),
            new("part4", "四、政府信息公开咨询处理情况", [], null),
            new("part5", "五、政府信息公开复议、诉讼情况", [], null),
            new("part6", "六、政府信息公开收费及减免情况", [], null),
            new("part7", "七、存在的主要问题和改进措施", [], null),
            new("part8", "八、其他需要报告的事项", [], null),
        ],
        Tables = [],
    };
}
