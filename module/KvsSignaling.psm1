# Loads the cmdlets. On PowerShell 7 they and their dependencies live in a private load context
# (see KvsSignaling.PowerShell.Loader), so a session that already holds another AWSSDK.Core keeps
# working; Windows PowerShell 5.1 has no load contexts and loads the netstandard2.0 build directly.
# Import time is mostly PowerShell binding each .NET call made from here, so there are as few as
# possible: the loader does its reflection in C#.

if ($PSEdition -eq 'Core') {
    # LoadFrom rather than Add-Type: same effect, a fraction of the import time. Loading the same
    # path again (a re-import) returns the already loaded loader.
    $null = [Reflection.Assembly]::LoadFrom([IO.Path]::Combine($PSScriptRoot, 'bin', 'net8.0', 'KvsSignaling.PowerShell.Loader.dll'))
    $inner = Microsoft.PowerShell.Core\Import-Module -Assembly ([KvsSignaling.PowerShell.Loader.ModuleLoadContext]::Initialize()) -PassThru

    # Importing an assembly that an earlier import already loaded returns the cached module without
    # exporting its cmdlets into this one, so a second Import-Module -Force would expose nothing.
    [KvsSignaling.PowerShell.Loader.ModuleLoadContext]::ExportCmdlets($inner, $ExecutionContext.SessionState.Module)
}
else {
    $assembly = [Reflection.Assembly]::LoadFrom([IO.Path]::Combine($PSScriptRoot, 'bin', 'netstandard2.0', 'KvsSignaling.PowerShell.dll'))
    $inner = Microsoft.PowerShell.Core\Import-Module -Assembly $assembly -PassThru
    $addExportedCmdlet = [Management.Automation.PSModuleInfo].GetMethod('AddExportedCmdlet', [Reflection.BindingFlags]'Instance, NonPublic')
    foreach ($cmdlet in $inner.ExportedCmdlets.Values) {
        $null = $addExportedCmdlet.Invoke($ExecutionContext.SessionState.Module, @(, $cmdlet))
    }
}
