namespace Kuager.Core;

/// <summary>Who may see a record: visitors see public, researchers also restricted, editors and admins everything.</summary>
public enum Confidentiality
{
    Public,
    Restricted,
    Confidential,
}
