<#
.SYNOPSIS
    Writes the module's MAML help (KvsSignaling.PowerShell.dll-Help.xml) from the help sources.
.DESCRIPTION
    Binary cmdlets take their help from MAML. The prose lives in one data file per cmdlet
    (<cmdlet>.help.psd1) plus CommonParameters.help.psd1; syntax, parameter sets, positions, aliases
    and pipeline input come from the imported cmdlets themselves, so the help cannot drift from the
    code. Fails when a parameter has no description or a cmdlet has fewer than two examples.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $SourcePath,
    [Parameter(Mandatory)] [string] $OutputPath
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$module = Import-Module (Resolve-Path $ModulePath).Path -PassThru
$common = Import-PowerShellDataFile (Join-Path $SourcePath 'CommonParameters.help.psd1')
$commonNames = [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters

$ns = @{
    maml    = 'http://schemas.microsoft.com/maml/2004/10'
    command = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
    dev     = 'http://schemas.microsoft.com/maml/dev/2004/10'
}

function Write-Para([System.Xml.XmlWriter] $Writer, [string] $Text) {
    foreach ($paragraph in ($Text.Trim() -split "\r?\n\s*\r?\n")) {
        $Writer.WriteElementString('para', $ns.maml, ($paragraph -replace '\s*\r?\n\s*', ' ').Trim())
    }
}

function Get-PipelineInput($Attributes) {
    $kinds = @()
    if ($Attributes | Where-Object ValueFromPipeline) { $kinds += 'ByValue' }
    if ($Attributes | Where-Object ValueFromPipelineByPropertyName) { $kinds += 'ByPropertyName' }
    if ($kinds) { "True ($($kinds -join ', '))" } else { 'False' }
}

function Write-Parameter([System.Xml.XmlWriter] $Writer, $Parameter, $Attributes, [string] $Description, [string] $Default) {
    $isSwitch = $Parameter.ParameterType -eq [switch]
    $position = @($Attributes | Where-Object { $_.Position -ge 0 } | ForEach-Object Position) | Select-Object -First 1
    $Writer.WriteStartElement('command', 'parameter', $ns.command)
    $Writer.WriteAttributeString('required', ([string]([bool]($Attributes | Where-Object Mandatory))).ToLowerInvariant())
    $Writer.WriteAttributeString('variableLength', ([string]$Parameter.ParameterType.IsArray).ToLowerInvariant())
    $Writer.WriteAttributeString('globbing', 'false')
    $Writer.WriteAttributeString('pipelineInput', (Get-PipelineInput $Attributes))
    $Writer.WriteAttributeString('position', $(if ($null -ne $position) { [string]$position } else { 'named' }))
    $Writer.WriteAttributeString('aliases', $(if ($Parameter.Aliases.Count) { $Parameter.Aliases -join ', ' } else { 'none' }))
    $Writer.WriteElementString('name', $ns.maml, $Parameter.Name)
    $Writer.WriteStartElement('maml', 'description', $ns.maml); Write-Para $Writer $Description; $Writer.WriteEndElement()
    if (-not $isSwitch) {
        $Writer.WriteStartElement('command', 'parameterValue', $ns.command)
        $Writer.WriteAttributeString('required', 'true')
        $Writer.WriteAttributeString('variableLength', ([string]$Parameter.ParameterType.IsArray).ToLowerInvariant())
        $Writer.WriteString($Parameter.ParameterType.Name)
        $Writer.WriteEndElement()
    }
    $Writer.WriteStartElement('dev', 'type', $ns.dev); $Writer.WriteElementString('name', $ns.maml, $Parameter.ParameterType.FullName); $Writer.WriteEndElement()
    $Writer.WriteElementString('defaultValue', $ns.dev, $(if ($Default) { $Default } elseif ($isSwitch) { 'False' } else { 'None' }))
    $Writer.WriteEndElement()
}

function Get-ParameterText($Source, [string] $Name, [string] $Cmdlet) {
    if ($Source.Parameters.ContainsKey($Name)) { return $Source.Parameters[$Name] }
    if ($common.Parameters.ContainsKey($Name)) { return $common.Parameters[$Name] }
    throw "$Cmdlet -$Name has no description in $Cmdlet.help.psd1 or CommonParameters.help.psd1."
}

$settings = [System.Xml.XmlWriterSettings]@{ Indent = $true; Encoding = [System.Text.UTF8Encoding]::new($false) }
New-Item -ItemType Directory -Force -Path (Split-Path $OutputPath) | Out-Null
$writer = [System.Xml.XmlWriter]::Create($OutputPath, $settings)
try {
    $writer.WriteStartElement('helpItems', 'http://msh')
    $writer.WriteAttributeString('schema', 'maml')
    foreach ($name in $module.ExportedCmdlets.Keys | Sort-Object) {
        $sourceFile = Join-Path $SourcePath "$name.help.psd1"
        if (-not (Test-Path $sourceFile)) { throw "$name has no help source: $sourceFile is missing." }
        $source = Import-PowerShellDataFile $sourceFile
        if (@($source.Examples).Count -lt 2) { throw "$name needs at least two examples in $sourceFile." }
        $defaults = if ($source.ContainsKey('Defaults')) { $source.Defaults } else { @{} }
        $cmd = Get-Command $name
        $verb, $noun = $name -split '-', 2

        $writer.WriteStartElement('command', 'command', $ns.command)
        $writer.WriteAttributeString('xmlns', 'maml', $null, $ns.maml)
        $writer.WriteAttributeString('xmlns', 'dev', $null, $ns.dev)
        $writer.WriteStartElement('command', 'details', $ns.command)
        $writer.WriteElementString('name', $ns.command, $name)
        $writer.WriteStartElement('maml', 'description', $ns.maml); Write-Para $writer $source.Synopsis; $writer.WriteEndElement()
        $writer.WriteElementString('verb', $ns.command, $verb)
        $writer.WriteElementString('noun', $ns.command, $noun)
        $writer.WriteEndElement()
        $writer.WriteStartElement('maml', 'description', $ns.maml); Write-Para $writer $source.Description; $writer.WriteEndElement()

        $writer.WriteStartElement('command', 'syntax', $ns.command)
        foreach ($set in $cmd.ParameterSets) {
            $writer.WriteStartElement('command', 'syntaxItem', $ns.command)
            $writer.WriteElementString('name', $ns.maml, $name)
            foreach ($p in $set.Parameters | Where-Object Name -NotIn $commonNames) {
                $meta = $cmd.Parameters[$p.Name]
                $attributes = $meta.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] -and $_.ParameterSetName -in $set.Name, '__AllParameterSets' }
                Write-Parameter $writer $meta $attributes (Get-ParameterText $source $p.Name $name) $defaults[$p.Name]
            }
            $writer.WriteEndElement()
        }
        $writer.WriteEndElement()

        $writer.WriteStartElement('command', 'parameters', $ns.command)
        foreach ($meta in $cmd.Parameters.Values | Where-Object Name -NotIn $commonNames | Sort-Object Name) {
            $attributes = $meta.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] }
            Write-Parameter $writer $meta $attributes (Get-ParameterText $source $meta.Name $name) $defaults[$meta.Name]
        }
        $writer.WriteEndElement()

        foreach ($kind in @(@('inputTypes', 'inputType', 'Inputs'), @('returnValues', 'returnValue', 'Outputs'))) {
            $writer.WriteStartElement('command', $kind[0], $ns.command)
            foreach ($item in $source[$kind[2]]) {
                $writer.WriteStartElement('command', $kind[1], $ns.command)
                $writer.WriteStartElement('dev', 'type', $ns.dev); $writer.WriteElementString('name', $ns.maml, $item.Type); $writer.WriteEndElement()
                $writer.WriteStartElement('maml', 'description', $ns.maml); Write-Para $writer $item.Description; $writer.WriteEndElement()
                $writer.WriteEndElement()
            }
            $writer.WriteEndElement()
        }

        if ($source.ContainsKey('Notes')) {
            $writer.WriteStartElement('maml', 'alertSet', $ns.maml)
            $writer.WriteStartElement('maml', 'alert', $ns.maml); Write-Para $writer $source.Notes; $writer.WriteEndElement()
            $writer.WriteEndElement()
        }

        $writer.WriteStartElement('command', 'examples', $ns.command)
        $number = 0
        foreach ($example in $source.Examples) {
            $number++
            $writer.WriteStartElement('command', 'example', $ns.command)
            $writer.WriteElementString('title', $ns.maml, "-------------------------- Example ${number}: $($example.Title) --------------------------")
            $writer.WriteElementString('code', $ns.dev, $example.Code.Trim())
            $writer.WriteStartElement('dev', 'remarks', $ns.dev); Write-Para $writer $example.Remarks; $writer.WriteEndElement()
            $writer.WriteEndElement()
        }
        $writer.WriteEndElement()

        $writer.WriteStartElement('command', 'relatedLinks', $ns.command)
        foreach ($link in @($source['Links'])) {
            if (-not $link) { continue }
            $writer.WriteStartElement('maml', 'navigationLink', $ns.maml)
            $writer.WriteElementString('linkText', $ns.maml, $link)
            $writer.WriteElementString('uri', $ns.maml, '')
            $writer.WriteEndElement()
        }
        $writer.WriteEndElement()

        $writer.WriteEndElement()
    }
    $writer.WriteEndElement()
}
finally {
    $writer.Dispose()
}
Write-Host "Help: $OutputPath"
