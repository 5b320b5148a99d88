namespace DocGen.Core.Editions;

/// <summary>
/// One column of a table summed over rows, named by keys. With <see cref="WholeGroup"/> the single row key
/// stands for every row under the same group label (表三 “（三）不予公开” and its eight items).
/// </summary>
public sealed record FigureSum(string TableId, string ColumnKey, IReadOnlyList<string> RowKeys, bool WholeGroup = false);

/// <summary>What a statement claims.</summary>
public enum NarrativeClaim
{
    /// <summary>A count (件/条/起) equal to the sum.</summary>
    Count,
    /// <summary>An amount in 万元 equal to the sum, to the decimals the text gives.</summary>
    Money,
    /// <summary>That there were none: the sum is 0.</summary>
    None,
    /// <summary>That every case was upheld (均获维持): nothing is pending, corrected or otherwise decided.</summary>
    AllUpheld,
}

/// <summary>
/// A word that, as the nearest one before the figure in the same sentence, says which cells a figure
/// belongs to: in "行政诉讼3件，维持2件" the 维持 belongs to 行政诉讼.
/// </summary>
public sealed record PhraseContext(string Word, IReadOnlyList<FigureSum> Readings);

/// <summary>
/// One kind of statement that quotes a table figure. <see cref="Wordings"/> are regular expressions with three
/// placeholders: <c>{n}</c> is the figure (Arabic, full- or half-width, with or without thousands separators,
/// or Chinese numerals), <c>{gap}</c> a few characters within the clause, <c>{end}</c> the end of a clause.
/// A statement agrees with the table when its figure equals any one of the <see cref="Readings"/> (the first is the one named in findings), so a wording that
/// reports use in two senses is only flagged when it fits neither. Readings whose row or column the edition
/// lacks are dropped. <see cref="ShareOf"/> are the totals a "占X%" after the statement may be a share of.
/// </summary>
public sealed record NarrativePhrase
{
    public required string Id { get; init; }
    public required IReadOnlyList<string> Wordings { get; init; }
    /// <summary>
    /// Words of which the sentence of every statement of this kind holds one (in the wording, or as its context word):
    /// only sentences with one are searched (speed; PhraseSearchTests hold the matcher to a whole-paragraph scan).
    /// </summary>
    public required IReadOnlyList<string> Anchors { get; init; }
    public NarrativeClaim Claim { get; init; } = NarrativeClaim.Count;
    public IReadOnlyList<FigureSum> Readings { get; init; } = [];
    /// <summary>When set, the readings come from the nearest context word instead; with none in the sentence, nothing is said.</summary>
    public IReadOnlyList<PhraseContext> Contexts { get; init; } = [];
    public IReadOnlyList<FigureSum> ShareOf { get; init; } = [];
    /// <summary>A part of a total (予以公开, 维持), which reports introduce with 其中; before a total, 其中 means a part of it.</summary>
    public bool Part { get; init; }
}

/// <summary>
/// The statements of the narrative that quote a figure of tables 二, 三 and 四, in the wordings published
/// reports use, with the cells they name. The one list the narrative checks read (tests keep it honest).
/// </summary>
public static class NarrativePhrases
{
    private const string Total = "total";
    private const string Requests = TableIds.Requests;
    private const string Reviews = TableIds.Reviews;
    private const string Proactive = TableIds.Proactive;

    private static FigureSum Req(params string[] rows) => new(Requests, Total, rows);
    private static FigureSum ReqGroup(string row) => new(Requests, Total, [row], WholeGroup: true);
    private static FigureSum Rev(string column, params string[] rows) => new(Reviews, column, rows);

    private const string Review = "review";
    private const string Direct = "litigationDirect";
    private const string AfterReview = "litigationAfterReview";

    /// <summary>A lawsuit figure may be both groups of 行政诉讼 or either one; reports say 行政诉讼 for each.</summary>
    private static FigureSum[] Lawsuits(string column) => [Rev(column, Direct, AfterReview), Rev(column, Direct), Rev(column, AfterReview)];

    private static PhraseContext[] ReviewOrLawsuit(string column) =>
        [new("复议", [Rev(column, Review)]), new("诉讼", Lawsuits(column)), new("起诉", Lawsuits(column))];

    /// <summary>The 2021 and the 2019 column of table 二's documents rows that a verb names.</summary>
    private static PhraseContext[] Documents(params string[] columns) =>
    [
        new("规范性文件", columns.Select(c => new FigureSum(Proactive, c, ["normativeDocuments"])).ToArray()),
        new("规章", columns.Select(c => new FigureSum(Proactive, c, ["regulations"])).ToArray()),
    ];

    private static readonly FigureSum[] ResultShares =
        [Req(RequestsTable.ResultTotalKey), Req(RequestsTable.NewRequests), Req(RequestsTable.NewRequests, RequestsTable.CarriedOver)];

    // Common pieces of wordings: an optional "共/共计/合计/为" between a noun and its figure.
    private const string Sum = @"(?:共|共计|合计|总计|累计|为|达|达到|的)?\s*";
    private const string Cases = @"\s*(?:件|起|宗|个)";

    public static IReadOnlyList<NarrativePhrase> All { get; } =
    [
        new()
        {
            Id = "newRequests",
            Anchors = ["收到", "受理", "新收", "接到", "接收"],
            Wordings =
            [
                @"(?:收到|受理|新收|接到|接收)(?:了)?{gap}(?:公开申请|申请公开|依申请公开){gap}{n}" + Cases,
                @"(?:收到|受理|新收|接到|接收)(?:了)?{gap}{n}\s*件{gap}(?:公开申请|依申请公开|申请公开)",
            ],
            // Many reports count what they 受理 including last year's carried-over requests.
            Readings = [Req(RequestsTable.NewRequests), Req(RequestsTable.NewRequests, RequestsTable.CarriedOver)],
        },
        new()
        {
            Id = "carriedOver",
            Anchors = ["结转"],
            Wordings = [@"上(?:一)?年(?:度)?结转(?:的|至本年)?(?:政府信息公开)?(?:申请)?" + Sum + "{n}" + Cases],
            Readings = [Req(RequestsTable.CarriedOver)],
        },
        new()
        {
            Id = "grantedAndPartly",
            Anchors = ["部分公开"],
            Part = true,
            Wordings = [@"(?<!不)(?:予以公开|同意公开|全部公开)(?:和|及|与|、|或)(?:予以|同意)?部分公开(?:的)?" + Sum + "{n}" + Cases],
            Readings = [Req("granted", "partlyGranted")],
            ShareOf = ResultShares,
        },
        new()
        {
            Id = "granted",
            Anchors = ["予以公开", "同意公开", "全部公开"],
            Part = true,
            Wordings = [@"(?<!不|部分)(?:予以公开|同意公开|全部公开)" + Sum + "{n}" + Cases],
            Readings = [Req("granted")],
            ShareOf = ResultShares,
        },
        new()
        {
            Id = "partlyGranted",
            Anchors = ["部分公开"],
            Part = true,
            Wordings = [@"(?:予以|同意)?部分公开" + Sum + "{n}" + Cases],
            Readings = [Req("partlyGranted")],
            ShareOf = ResultShares,
        },
        new()
        {
            Id = "withheld",
            Anchors = ["不予公开", "不予以公开", "同意不公开"],
            Part = true,
            Wordings = [@"(?:不予公开|不予以公开|同意不公开)" + Sum + "{n}" + Cases],
            Readings = [ReqGroup("withheldStateSecret")],
            ShareOf = ResultShares,
        },
        new()
        {
            Id = "unavailable",
            Anchors = ["无法提供"],
            Part = true,
            Wordings = [@"无法提供" + Sum + "{n}" + Cases],
            Readings = [ReqGroup("unavailableNotHeld")],
            ShareOf = ResultShares,
        },
        new()
        {
            Id = "notProcessed",
            Anchors = ["不予处理"],
            Part = true,
            Wordings = [@"不予处理" + Sum + "{n}" + Cases],
            Readings = [ReqGroup("notProcessedComplaint")],
            ShareOf = ResultShares,
        },
        new()
        {
            Id = "carriedForward",
            Anchors = ["结转"],
            Wordings = [@"结转(?:至)?下(?:一)?年(?:度)?(?:继续)?(?:办理)?(?:答复)?" + Sum + "{n}" + Cases],
            Readings = [Req(RequestsTable.CarriedForward)],
        },
        new()
        {
            Id = "reviews",
            Anchors = ["行政复议"],
            Wordings =
            [
                @"行政复议(?:案件|申请)?" + Sum + "{n}" + Cases,
                @"(?:发生|收到|受理|办理|涉及|共有|共)\s*{n}\s*(?:件|起|宗)(?:政府信息公开)?(?:类)?行政复议",
            ],
            Readings = [Rev(Total, Review)],
        },
        new()
        {
            Id = "lawsuits",
            Anchors = ["行政诉讼"],
            Wordings =
            [
                @"行政诉讼(?:案件)?" + Sum + "{n}" + Cases,
                @"(?:发生|收到|受理|办理|涉及|共有|共)\s*{n}\s*(?:件|起|宗)(?:政府信息公开)?(?:类)?行政诉讼",
            ],
            Readings = Lawsuits(Total),
        },
        new()
        {
            Id = "noReviews",
            Anchors = ["行政复议"],
            Claim = NarrativeClaim.None,
            Wordings = [@"(?:无|未发生|未出现|没有|未有|未被申请)(?:因政府信息公开(?:工作)?(?:而)?(?:被)?(?:申请|引发|引起)?的?)?行政复议(?=(?:[和及、或]|(?:被提起|提起)?行政诉讼|情况|案件|事项|发生)*(?:{end}|$))"],
            Readings = [Rev(Total, Review)],
        },
        new()
        {
            Id = "noLawsuits",
            Anchors = ["行政诉讼"],
            Claim = NarrativeClaim.None,
            Wordings =
            [
                @"(?:无|未发生|未出现|没有|未有|未被提起)(?:因政府信息公开(?:工作)?(?:而)?(?:被)?(?:提起|引发|引起)?的?)?行政诉讼(?=(?:情况|案件|事项|发生)*(?:{end}|$))",
                @"(?:无|未发生|未出现|没有|未有)(?:因政府信息公开(?:工作)?(?:而)?(?:被)?(?:申请|引发|引起)?的?)?行政复议(?:[和及、或])(?:被提起|提起)?行政诉讼(?=(?:情况|案件|事项|发生)*(?:{end}|$))",
            ],
            Readings = Lawsuits(Total),
        },
        new()
        {
            Id = "upheld",
            Anchors = ["维持"],
            Part = true,
            Wordings = [@"(?:结果)?(?:予以)?维持(?:原(?:具体)?行政行为)?" + Sum + "{n}" + Cases],
            Contexts = ReviewOrLawsuit("upheld"),
        },
        new()
        {
            Id = "corrected",
            Anchors = ["纠正", "纠错"],
            Part = true,
            Wordings = [@"(?:结果)?(?:被)?(?:纠正|纠错)" + Sum + "{n}" + Cases],
            Contexts = ReviewOrLawsuit("corrected"),
        },
        new()
        {
            Id = "pending",
            Anchors = ["审结", "审理"],
            Part = true,
            Wordings = [@"(?:尚未审结|未审结|尚在审理中?|正在审理中?)" + Sum + "{n}" + Cases],
            Contexts = ReviewOrLawsuit("pending"),
        },
        new()
        {
            Id = "allUpheld",
            Anchors = ["维持"],
            Part = true,
            Claim = NarrativeClaim.AllUpheld,
            Wordings = [@"(?:均|全部|都|一律)(?:被|已|获|予以|得到|获得)*维持"],
            Contexts = ReviewOrLawsuit(Total),
        },
        new()
        {
            Id = "documentsIssued",
            Anchors = ["规范性文件", "规章"],
            Wordings = [@"(?:制发|印发|出台|制定|新制定|新制作)(?:了)?(?:行政)?(?:规范性文件|规章)?" + Sum + "{n}" + Cases],
            Contexts = Documents("issued", "made"),
        },
        new()
        {
            Id = "documentsRepealed",
            Anchors = ["废止"],
            Wordings = [@"废止(?:了)?(?:行政)?(?:规范性文件|规章)?" + Sum + "{n}" + Cases],
            Contexts = Documents("repealed"),
        },
        new()
        {
            Id = "documentsInForce",
            Anchors = ["现行有效"],
            Wordings = [@"现行有效(?:的)?(?:行政)?(?:规范性文件|规章)?" + Sum + "{n}" + Cases],
            Contexts = Documents("inForce"),
        },
        new()
        {
            Id = "licensing",
            Anchors = ["行政许可"],
            Wordings = [@"行政许可(?:决定|信息|决定信息)?" + Sum + @"{n}\s*(?:件|条|个)"],
            Readings = [new(Proactive, "decisions", ["licensing"])],
        },
        new()
        {
            Id = "penalties",
            Anchors = ["行政处罚"],
            Wordings = [@"行政处罚(?:决定|信息|决定信息|案件)?" + Sum + @"{n}\s*(?:件|条|个|起|宗)"],
            Readings = [new(Proactive, "decisions", ["penalties"])],
        },
        new()
        {
            Id = "enforcement",
            Anchors = ["行政强制"],
            Wordings = [@"行政强制(?:决定|信息|决定信息|措施)?" + Sum + @"{n}\s*(?:件|条|个|起|宗)"],
            Readings = [new(Proactive, "decisions", ["enforcement"])],
        },
        new()
        {
            Id = "fees",
            Anchors = ["行政事业性收费"],
            Claim = NarrativeClaim.Money,
            Wordings = [@"行政事业性收费(?:金额|总额)?" + Sum + @"{n}\s*万元"],
            Readings = [new(Proactive, "amount", ["fees"])],
        },
    ];
}
