@{
    # The one source of the module's version: build.ps1 reads it and passes it to every project.
    ModuleVersion        = '0.1.0'
    GUID                 = '6b0f3c8e-2d4a-4e55-9d1c-7a6f4b2e8c31'
    RootModule           = 'KvsSignaling.psm1'
    Author               = 'KvsSignaling contributors'
    CompanyName          = 'KvsSignaling contributors'
    Copyright            = 'Copyright (c) KvsSignaling contributors'
    Description          = 'Amazon Kinesis Video Streams WebRTC signaling channels and their endpoints as PowerShell objects: typed roles and protocols, per-input errors, retries on throttling, a session-wide endpoint cache.'
    PowerShellVersion    = '5.1'
    CompatiblePSEditions = @('Desktop', 'Core')
    DotNetFrameworkVersion = '4.7.2'
    FormatsToProcess     = @('KvsSignaling.format.ps1xml')
    CmdletsToExport      = @(
        'Add-KvsSignalingChannelTag'
        'Get-KvsIceServerConfig'
        'Get-KvsSignalingChannel'
        'Get-KvsSignalingChannelEndpoint'
        'Get-KvsSignalingPresignedUrl'
        'New-KvsSignalingChannel'
        'Remove-KvsSignalingChannel'
        'Remove-KvsSignalingChannelTag'
        'Set-KvsSignalingChannel'
        'Test-KvsSignalingChannel'
        'Watch-KvsSignalingChannel'
    )
    FunctionsToExport    = @()
    AliasesToExport      = @()
    VariablesToExport    = @()
    PrivateData          = @{
        PSData = @{
            Tags       = @('AWS', 'KinesisVideo', 'WebRTC', 'Signaling', 'PSEdition_Core', 'PSEdition_Desktop', 'Windows', 'Linux', 'MacOS')
            LicenseUri = 'https://www.apache.org/licenses/LICENSE-2.0'
        }
    }
}
