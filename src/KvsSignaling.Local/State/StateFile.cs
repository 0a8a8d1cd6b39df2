using System.Text.Json;
using KvsSignaling.Local.Channels;

namespace KvsSignaling.Local.State;

/// <summary>
/// Keeps channels across restarts. Every save writes a temporary file beside the target, flushes it to
/// disk and renames it over the target, so a killed process leaves either the old or the new state.
/// </summary>
internal sealed class StateFile
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public StateFile(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
    }

    public string Path { get; }

    private string Directory => System.IO.Path.GetDirectoryName(Path)!;

    private string TempPrefix => "." + System.IO.Path.GetFileName(Path) + ".";

    /// <summary>Reads the channels, or none when the file does not exist yet; anything unreadable is an error.</summary>
    public IReadOnlyList<Channel> Load()
    {
        if (!System.IO.Directory.Exists(Directory))
        {
            throw new StateFileException(Path, $"its folder '{Directory}' does not exist");
        }

        RemoveAbandonedTemporaryFiles();
        if (!File.Exists(Path))
        {
            return [];
        }

        StateDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<StateDocument>(File.ReadAllBytes(Path), Json);
        }
        catch (JsonException e)
        {
            throw new StateFileException(Path, $"it is not a valid kvs-local state document ({e.Message})", e);
        }
        catch (IOException e)
        {
            throw new StateFileException(Path, $"it cannot be read ({e.Message})", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new StateFileException(Path, $"it cannot be read ({e.Message})", e);
        }

        if (document is null || document.Channels is null)
        {
            throw new StateFileException(Path, "it holds no 'Channels' list");
        }

        if (document.FormatVersion != StateDocument.CurrentFormat)
        {
            throw new StateFileException(Path, $"its FormatVersion is {document.FormatVersion}, and this kvs-local reads {StateDocument.CurrentFormat}");
        }

        return document.Channels;
    }

    public void Save(IReadOnlyCollection<Channel> channels)
    {
        var temporary = System.IO.Path.Combine(Directory, TempPrefix + Guid.NewGuid().ToString("N") + ".tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                JsonSerializer.Serialize(stream, new StateDocument(StateDocument.CurrentFormat, channels.OrderBy(c => c.ChannelARN, StringComparer.Ordinal).ToList()), Json);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, Path, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    // A process killed between writing and renaming leaves its temporary file behind; it was never the state.
    private void RemoveAbandonedTemporaryFiles()
    {
        foreach (var file in System.IO.Directory.EnumerateFiles(Directory, TempPrefix + "*.tmp"))
        {
            File.Delete(file);
        }
    }
}
