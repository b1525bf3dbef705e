using System.Data.Common;
using System.Globalization;
using Kuager.Core;
using Kuager.Storage;
using Kuager.Web.Features.Events;
using Kuager.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Kuager.Web.Features.Testimonies;

public sealed class TestimonyInput
{
    public int Version { get; set; }

    public string? Testifier { get; set; }

    public string? Subject { get; set; }

    public string? Relation { get; set; }

    public string? RecordedOn { get; set; }

    public string? RecordedAt { get; set; }

    public string? Language { get; set; }

    public string? Medium { get; set; }

    public string? Summary { get; set; }

    public string? Transcript { get; set; }

    public string? Consent { get; set; }

    public string? Confidentiality { get; set; }

    /// <summary>How to reach the witness: always confidential (encrypted at rest, shown to editors only).</summary>
    public string? WitnessContact { get; set; }

    /// <summary>The fields marked confidential (JSON names), from the form's checkboxes.</summary>
    public List<string> ConfidentialFields { get; set; } = [];

    /// <summary>The attached files (by SHA-256) that were shown in the form, and those the user chose to keep.</summary>
    public List<string> ShownFiles { get; set; } = [];

    public List<string> KeepFiles { get; set; } = [];

    public List<IFormFile> Uploads { get; set; } = [];

    /// <summary>A file is kept when ticked, and also when someone else attached it after the form was shown.</summary>
    public bool Keeps(string sha256) => KeepFiles.Contains(sha256) || !ShownFiles.Contains(sha256);
}

public static class TestimonyForm
{
    public static async Task<TestimonyInput> FromAsync(DbConnection connection, Testimony t, Viewer viewer)
    {
        var persons = await RecordLinks.PersonsAsync(connection, [t.TestifierPersonId, t.SubjectPersonId], viewer);
        var places = await RecordLinks.PlacesAsync(connection, [t.RecordedAtPlaceId], viewer);
        string? Person(long? id) => id is { } v ? persons.TryGetValue(v, out var r) ? r.ExternalId : v.ToString(CultureInfo.InvariantCulture) : null;
        return new TestimonyInput
        {
            Version = t.Version,
            Testifier = Person(t.TestifierPersonId),
            Subject = Person(t.SubjectPersonId),
            Relation = WireCode.Of(t.Relation),
            RecordedOn = FormValues.Show(t.RecordedOn),
            RecordedAt = t.RecordedAtPlaceId is { } p ? places.GetValueOrDefault(p) ?? p.ToString(CultureInfo.InvariantCulture) : null,
            Language = t.Language,
            Medium = WireCode.Of(t.Medium),
            Summary = t.Summary,
            Transcript = t.Transcript,
            Consent = WireCode.Of(t.Consent),
            Confidentiality = WireCode.Of(t.Confidentiality),
            WitnessContact = t.WitnessContact,
            ConfidentialFields = t.ConfidentialFields.ToList(),
            ShownFiles = t.Files.Select(f => f.Sha256).ToList(),
            KeepFiles = t.Files.Select(f => f.Sha256).ToList(),
        };
    }

    /// <summary>The testimony the form describes, with the kept files but not yet the uploads; null when a field cannot be read.</summary>
    public static async Task<(Testimony? Testimony, Dictionary<string, string> FieldMap)> ReadAsync(
        DbConnection connection, TestimonyInput input, long id, Testimony? existing, ModelStateDictionary modelState, IStringLocalizer t)
    {
        var map = new Dictionary<string, string>
        {
            ["testifierPersonId"] = "Testifier",
            ["subjectPersonId"] = "Subject",
            ["relation"] = "Relation",
            ["recordedAtPlaceId"] = "RecordedAt",
            ["language"] = "Language",
            ["summary"] = "Summary",
            ["transcript"] = "Transcript",
            ["consent"] = "Consent",
            ["confidentiality"] = "Confidentiality",
            ["files"] = "Uploads",
            ["witnessContact"] = "WitnessContact",
            ["confidentialFields"] = "ConfidentialFields",
        };
        var testifier = await RecordLinks.FindPersonAsync(connection, input.Testifier);
        if (testifier is null && FormValues.Trimmed(input.Testifier) is not null)
        {
            modelState.AddModelError("Input.Testifier", t["events.NoSuchPerson"]);
        }

        var subject = await RecordLinks.FindPersonAsync(connection, input.Subject);
        if (subject is null && FormValues.Trimmed(input.Subject) is not null)
        {
            modelState.AddModelError("Input.Subject", t["events.NoSuchPerson"]);
        }

        if (!FormValues.TryReadCode(input.Relation, TestimonyRelation.Other, out TestimonyRelation relation))
        {
            modelState.AddModelError("Input.Relation", t["events.NotAChoice"]);
        }

        if (!FormValues.TryReadDate(input.RecordedOn, existing?.RecordedOn, out var recordedOn))
        {
            modelState.AddModelError("Input.RecordedOn", t["events.DateUnreadable"]);
        }

        var place = await RecordLinks.FindPlaceAsync(connection, input.RecordedAt);
        if (place is null && FormValues.Trimmed(input.RecordedAt) is not null)
        {
            modelState.AddModelError("Input.RecordedAt", t["events.NoSuchPlace"]);
        }

        if (!FormValues.TryReadCode(input.Medium, TestimonyMedium.Written, out TestimonyMedium medium))
        {
            modelState.AddModelError("Input.Medium", t["events.NotAChoice"]);
        }

        if (!FormValues.TryReadCode(input.Consent, Consent.InternalUseOnly, out Consent consent))
        {
            modelState.AddModelError("Input.Consent", t["events.NotAChoice"]);
        }

        if (!FormValues.TryReadCode(input.Confidentiality, existing?.Confidentiality ?? Confidentiality.Confidential, out Confidentiality confidentiality))
        {
            modelState.AddModelError("Input.Confidentiality", t["events.NotAChoice"]);
        }

        if (!modelState.IsValid)
        {
            return (null, map);
        }

        var kept = (existing?.Files ?? []).Where(f => input.Keeps(f.Sha256)).ToList();
        for (var i = 0; i < kept.Count; i++)
        {
            map[$"files[{i}]"] = "Uploads";
        }

        return (new Testimony
        {
            Id = id,
            Version = input.Version,
            TestifierPersonId = testifier,
            SubjectPersonId = subject,
            Relation = relation,
            RecordedOn = recordedOn,
            RecordedAtPlaceId = place,
            Language = FormValues.Trimmed(input.Language),
            Medium = medium,
            Summary = FormValues.Trimmed(input.Summary),
            Transcript = FormValues.Trimmed(input.Transcript),
            Files = kept,
            Consent = consent,
            Confidentiality = confidentiality,
            WitnessContact = FormValues.Trimmed(input.WitnessContact),
            ConfidentialFields = input.ConfidentialFields.Distinct(StringComparer.Ordinal).ToList(),
        }, map);
    }
}

/// <summary>
/// What the new-testimony and edit-testimony pages share: the form, its file uploads, and saving both in one session,
/// so a save that fails leaves no reference to the uploaded files.
/// </summary>
public abstract class TestimonyFormPage(Database db, RecordStore store, FileStore fileStore, IStringLocalizer<TextLocalizer> t) : PageModel
{
    /// <summary>Large enough for a long video testimony.</summary>
    public const long MaxUpload = 2_147_483_648;

    /// <summary>A transcript of up to 2,000,000 characters, in a script of up to four bytes a character.</summary>
    public const int MaxText = 8_000_000;

    [BindProperty]
    public TestimonyInput Input { get; set; } = new();

    public EditConflict? Conflict { get; private set; }

    /// <summary>The files attached to the saved testimony, offered to keep or remove.</summary>
    public IReadOnlyList<StoredFile> AttachedFiles { get; protected set; } = [];

    public abstract string BackUrl { get; }

    protected Database Db => db;

    protected RecordStore Store => store;

    protected async Task<IActionResult> SaveAsync(long id, Testimony? existing, CancellationToken ct)
    {
        AttachedFiles = existing?.Files ?? [];
        Testimony? record;
        Dictionary<string, string> map;
        await using (var connection = await db.OpenAsync(ct))
        {
            (record, map) = await TestimonyForm.ReadAsync(connection, Input, id, existing, ModelState, t);
        }

        var uploads = Input.Uploads.Where(u => u.Length > 0 || !string.IsNullOrEmpty(u.FileName)).ToList();
        if (record is not null)
        {
            try
            {
                await using var session = await store.BeginAsync(Editing.Actor(HttpContext), ct);
                var files = record.Files.ToList();
                foreach (var upload in uploads)
                {
                    await using var content = upload.OpenReadStream();
                    files.Add(await fileStore.StoreAsync(session, content, upload.FileName, upload.ContentType, ct));
                }

                record = record with { Files = files.DistinctBy(f => f.Sha256).ToList() };
                var saved = id == 0 ? await session.CreateAsync(record) : await session.UpdateAsync(record);
                await session.CommitAsync(ct);
                return Redirect($"/testimonies/{saved.Id}?saved=1");
            }
            catch (StaleEditException e)
            {
                Conflict = EditConflict.From(e);
                Input.Version = e.CurrentVersion;
                ModelState.Remove("Input.Version");
                AttachedFiles = (await store.GetAsync<Testimony>(id, HttpContext.Viewer(), ct))?.Files ?? AttachedFiles;
            }
            catch (ValidationException e)
            {
                e.AddTo(ModelState, "Input", map);
            }
            catch (NotFoundException)
            {
                return NotFound();
            }
        }

        // A browser cannot fill a file field in again: say so beside it.
        if (uploads.Count > 0)
        {
            ModelState.AddModelError("Input.Uploads", t["testimonies.ChooseFilesAgain", string.Join(", ", uploads.Select(u => u.FileName))]);
        }

        return Page();
    }
}
