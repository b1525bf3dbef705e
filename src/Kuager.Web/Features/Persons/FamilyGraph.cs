namespace Kuager.Web.Features.Persons;

public sealed record FamilyNode(long PersonId, string Name, string Role, double X, double Y, bool IsCenter)
{
    public double CenterX => X + (FamilyGraph.NodeWidth / 2);

    public double CenterY => Y + (FamilyGraph.NodeHeight / 2);

    /// <summary>Long names are cut on the drawing; the full name is in its title and in the table.</summary>
    // Sized to the node: bold text at 12px fits about 19 characters in 150 units (a longer name is in the link title and the table).
    public string ShortName => Name.Length <= 19 ? Name : Name[..18] + "…";
}

public sealed record FamilyEdge(double X1, double Y1, double X2, double Y2, bool Dashed);

/// <summary>
/// A small family graph around one person: parents above, children below, siblings to the left, spouses and other
/// ties to the right. Positions are computed here; the page draws them as SVG.
/// </summary>
public sealed class FamilyGraph
{
    public const double NodeWidth = 150;
    public const double NodeHeight = 44;
    private const double Gap = 14;
    private const double RowGap = 44;
    private const double Pad = 8;

    private FamilyGraph(IReadOnlyList<FamilyNode> nodes, IReadOnlyList<FamilyEdge> edges, double width, double height)
    {
        Nodes = nodes;
        Edges = edges;
        Width = width;
        Height = height;
    }

    public IReadOnlyList<FamilyNode> Nodes { get; }

    public IReadOnlyList<FamilyEdge> Edges { get; }

    public double Width { get; }

    public double Height { get; }

    public static FamilyGraph? Build(long personId, string name, IReadOnlyList<RelativeItem> relatives)
    {
        if (relatives.Count == 0)
        {
            return null;
        }

        var parents = relatives.Where(r => r.Role == "parent").ToList();
        var children = relatives.Where(r => r.Role == "child").ToList();
        var siblings = relatives.Where(r => r.Role == "sibling").ToList();
        var beside = relatives.Where(r => r.Role is not ("parent" or "child" or "sibling")).OrderBy(r => r.Role == "spouse" ? 0 : 1).ToList();

        var middleY = parents.Count > 0 ? NodeHeight + RowGap : 0;
        var bottomY = middleY + NodeHeight + RowGap;

        // Lay out around x = 0 for the person, then shift everything right so the leftmost node sits at the padding.
        var raw = new List<(RelativeItem? R, double X, double Y)> { (null, 0, middleY) };
        for (var i = 0; i < siblings.Count; i++)
        {
            raw.Add((siblings[i], -(i + 1) * (NodeWidth + Gap), middleY));
        }

        for (var i = 0; i < beside.Count; i++)
        {
            raw.Add((beside[i], (i + 1) * (NodeWidth + Gap), middleY));
        }

        raw.AddRange(Row(parents, 0));
        raw.AddRange(Row(children, bottomY));

        var shift = Pad - raw.Min(n => n.X);
        var nodes = raw.Select(n => n.R is null
            ? new FamilyNode(personId, name, "self", n.X + shift, n.Y + Pad, true)
            : new FamilyNode(n.R.PersonId, n.R.Name, n.R.Role, n.X + shift, n.Y + Pad, false)).ToList();
        var center = nodes[0];
        var edges = nodes.Skip(1).Select(n => n.Role switch
        {
            "parent" => new FamilyEdge(n.CenterX, n.Y + NodeHeight, center.CenterX, center.Y, false),
            "child" => new FamilyEdge(center.CenterX, center.Y + NodeHeight, n.CenterX, n.Y, false),
            _ => new FamilyEdge(n.X < center.X ? n.X + NodeWidth : n.X, n.CenterY, n.X < center.X ? center.X : center.X + NodeWidth, center.CenterY, n.Role != "spouse" && n.Role != "sibling"),
        }).ToList();
        var width = nodes.Max(n => n.X) + NodeWidth + Pad;
        var height = nodes.Max(n => n.Y) + NodeHeight + Pad;
        return new FamilyGraph(nodes, edges, width, height);
    }

    private static IEnumerable<(RelativeItem? R, double X, double Y)> Row(IReadOnlyList<RelativeItem> row, double y)
    {
        var rowWidth = (row.Count * (NodeWidth + Gap)) - Gap;
        var left = (NodeWidth / 2) - (rowWidth / 2);
        return row.Select((r, i) => ((RelativeItem?)r, left + (i * (NodeWidth + Gap)), y));
    }
}
