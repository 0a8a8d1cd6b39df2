# Every credential source real accounts use, through the cmdlets: each scenario runs in a fresh pwsh with
# the scenario's environment, against loopback stand-ins for STS, the IAM Identity Center portal, a
# credential process and a container endpoint (tests/Support/KvsSignaling.CredentialServices), and a
# kvs-local that accepts only the temporary keys those stand-ins hand out.

BeforeDiscovery {
    $script:succeeding = @(
        @{ Name = 'assume-role'; Service = 'sts'; Action = 'AssumeRole' }
        @{ Name = 'role-chaining'; Service = 'sts'; Action = 'AssumeRole' }
        @{ Name = 'credential-source-environment'; Service = 'sts'; Action = 'AssumeRole' }
        @{ Name = 'web-identity-environment'; Service = 'sts'; Action = 'AssumeRoleWithWebIdentity' }
        @{ Name = 'web-identity-profile'; Service = 'sts'; Action = 'AssumeRoleWithWebIdentity' }
        @{ Name = 'sso-session'; Service = 'sso'; Action = 'GetRoleCredentials' }
        @{ Name = 'sso-legacy'; Service = 'sso'; Action = 'GetRoleCredentials' }
        @{ Name = 'credential-process'; Service = 'process'; Action = 'GetCredentials' }
        @{ Name = 'container'; Service = 'container'; Action = 'GetCredentials' }
    )
    $script:failing = @(
        @{ Name = 'sso-expired'; Phrase = 'aws sso login --profile sso-expired' }
        @{ Name = 'unknown-profile'; Phrase = "'no-such-profile' was not found" }
        @{ Name = 'no-credentials'; Phrase = 'no AWS credentials were found' }
    )
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'KvsLocal.ps1')
    $script:modulePath = Get-BuiltModulePath
    $script:pwsh = Get-ChildPwsh

    function Start-CredentialServices {
        # Starts the stand-ins; they write kvs-local's credentials file and every scenario into $Folder.
        param([string] $Folder, [string[]] $ArgumentList = @())
        $dll = Join-Path $RepoRoot "tests/Support/KvsSignaling.CredentialServices/bin/$Configuration/net10.0/kvs-credential-services.dll"
        if (-not (Test-Path $dll)) { throw "The credential services are not built: $dll is missing." }
        $info = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
        foreach ($arg in @($dll, 'serve', '--kvs-local-credentials', (Join-Path $Folder 'kvs-local.json'), '--scenarios', $Folder) + $ArgumentList) { $info.ArgumentList.Add($arg) }
        $info.RedirectStandardOutput = $true
        $info.UseShellExecute = $false
        $process = [System.Diagnostics.Process]::Start($info)
        $read = $process.StandardOutput.ReadLineAsync()
        if (-not $read.Wait([TimeSpan]::FromSeconds(60)) -or -not $read.Result) { $process.Kill(); throw 'The credential services did not start.' }
        [pscustomobject]@{ Process = $process; Url = [regex]::Match($read.Result, 'http://127\.0\.0\.1:\d+/').Value; Folder = $Folder }
    }

    function Get-Scenario {
        param($Services, [string] $Name)
        Get-Content -Raw (Join-Path $Services.Folder "$Name.json") | ConvertFrom-Json
    }

    function Get-ServiceCall {
        param($Services)
        # Invoke-RestMethod writes a JSON array as one object: unroll it into its calls.
        @(Invoke-RestMethod -Uri "$($Services.Url)_calls" -TimeoutSec 30 | ForEach-Object { $_ })
    }

    function Invoke-InScenario {
        # Runs a script in a fresh pwsh with the scenario's environment; returns its JSON output and the raw text.
        param($Scenario, [string] $Script)
        $info = [System.Diagnostics.ProcessStartInfo]::new($pwsh[0])
        foreach ($arg in @($pwsh[1], '-NoProfile', '-NonInteractive', '-EncodedCommand', [Convert]::ToBase64String([Text.Encoding]::Unicode.GetBytes($Script)))) { $info.ArgumentList.Add($arg) }
        foreach ($variable in $Scenario.Environment.PSObject.Properties) {
            if ($null -eq $variable.Value) { $null = $info.Environment.Remove($variable.Name) } else { $info.Environment[$variable.Name] = $variable.Value }
        }
        $info.RedirectStandardOutput = $true
        $info.RedirectStandardError = $true
        $info.UseShellExecute = $false
        $process = [System.Diagnostics.Process]::Start($info)
        $stdout = $process.StandardOutput.ReadToEndAsync()
        $stderr = $process.StandardError.ReadToEndAsync()
        if (-not $process.WaitForExit(120000)) { $process.Kill($true); throw 'The child pwsh did not finish in 120 s.' }
        $text = $stdout.Result + $stderr.Result
        if ($process.ExitCode -ne 0) { throw "The child pwsh failed ($($process.ExitCode)): $text" }
        [pscustomobject]@{ Result = ($stdout.Result | ConvertFrom-Json); Text = $text }
    }

    function Get-ProfileArgument {
        param($Scenario)
        if ($Scenario.ProfileName) { "-ProfileName '$($Scenario.ProfileName)'" } else { '' }
    }

    function Assert-NoSecret {
        param([string] $Text, [string] $Folder)
        $file = Get-Content -Raw (Join-Path $Folder 'kvs-local.json') | ConvertFrom-Json
        foreach ($credential in $file.Credentials) {
            $Text | Should -Not -Match ([regex]::Escape($credential.SecretAccessKey))
            $Text | Should -Not -Match ([regex]::Escape($credential.SessionToken))
        }
        foreach ($secret in 'base-source-secret', 'environment-source-secret', 'sso-access-token', 'web-identity-token') {
            $Text | Should -Not -Match $secret
        }
    }

    $script:folder = (New-Item -ItemType Directory -Path (Join-Path ([IO.Path]::GetTempPath()) "kvs-credentials-$PID-$(Get-Random)")).FullName
    $script:services = Start-CredentialServices -Folder $folder
    $script:kvs = Start-KvsLocal -ArgumentList @('--credentials-file', (Join-Path $folder 'kvs-local.json'))
}

AfterAll {
    Stop-KvsLocal $kvs
    if ($services -and -not $services.Process.HasExited) { $services.Process.Kill() }
    Remove-Item -Recurse -Force $folder -ErrorAction SilentlyContinue
}

Describe 'credential sources' {
    It '<Name>: creates a channel and looks up its endpoints with the temporary keys the source obtained' -TestCases $succeeding {
        $scenario = Get-Scenario $services $Name
        $before = (Get-ServiceCall $services).Count
        $run = Invoke-InScenario $scenario @"
`$ErrorActionPreference = 'Stop'
Import-Module '$modulePath'
`$channel = New-KvsSignalingChannel -ChannelName 'pester-$Name' -EndpointUrl '$($kvs.Url)' $(Get-ProfileArgument $scenario)
`$endpoint = `$channel | Get-KvsSignalingChannelEndpoint -Role MASTER -EndpointUrl '$($kvs.Url)' $(Get-ProfileArgument $scenario)
ConvertTo-Json -Compress -InputObject @{ Arn = `$channel.ChannelARN; Wss = [string] `$endpoint.Wss }
"@
        $run.Result.Arn | Should -Match "^arn:aws:kinesisvideo:us-west-2:123456789012:channel/pester-$Name/\d+$"
        $run.Result.Wss | Should -Match '^ws'
        $calls = @(Get-ServiceCall $services | Select-Object -Skip $before)
        $calls.Count | Should -BeGreaterThan 0
        $calls | ForEach-Object { $_.Refusal | Should -BeNullOrEmpty }
        $calls[-1].Service | Should -Be $Service
        $calls[-1].Action | Should -Be $Action
        Assert-NoSecret -Text $run.Text -Folder $folder
    }

    It '<Name>: 50 piped ARNs give one terminating CredentialsUnavailable error and send no request' -TestCases $failing {
        $scenario = Get-Scenario $services $Name
        $before = Get-KvsLocalRequestCount $kvs 'GetSignalingChannelEndpoint'
        $run = Invoke-InScenario $scenario @"
Import-Module '$modulePath'
`$arns = 1..50 | ForEach-Object { "arn:aws:kinesisvideo:us-west-2:123456789012:channel/cam-`$_/1700000000000" }
`$record = `$null
try {
    `$arns | Get-KvsSignalingChannelEndpoint -Role VIEWER -EndpointUrl '$($kvs.Url)' $(Get-ProfileArgument $scenario) -ErrorVariable err -ErrorAction SilentlyContinue | Out-Null
} catch { `$record = `$_ }
ConvertTo-Json -Compress -InputObject @{
    Terminating = `$null -ne `$record
    Id = `$record.FullyQualifiedErrorId
    Category = [string] `$record.CategoryInfo.Category
    Message = `$record.Exception.Message
    Errors = `$err.Count
}
"@
        $run.Result.Terminating | Should -BeTrue
        $run.Result.Id | Should -BeLike 'CredentialsUnavailable,*'
        $run.Result.Category | Should -Be 'AuthenticationError'
        $run.Result.Message | Should -BeLike "*$Phrase*"
        $run.Result.Errors | Should -BeLessOrEqual 1
        Get-KvsLocalRequestCount $kvs 'GetSignalingChannelEndpoint' | Should -Be $before
        Assert-NoSecret -Text $run.Text -Folder $folder
    }
}

Describe 'credentials that expire during a sweep' {
    BeforeAll {
        # Keys that are current for 3 seconds each and refused 3 seconds after.
        $script:shortFolder = (New-Item -ItemType Directory -Path (Join-Path ([IO.Path]::GetTempPath()) "kvs-credentials-short-$PID-$(Get-Random)")).FullName
        $script:shortServices = Start-CredentialServices -Folder $shortFolder -ArgumentList @('--window-seconds', '3', '--count', '60')
        $script:shortKvs = Start-KvsLocal -ArgumentList @('--credentials-file', (Join-Path $shortFolder 'kvs-local.json'))
    }

    AfterAll {
        Stop-KvsLocal $shortKvs
        if ($shortServices -and -not $shortServices.Process.HasExited) { $shortServices.Process.Kill() }
        Remove-Item -Recurse -Force $shortFolder -ErrorAction SilentlyContinue
    }

    It 'are renewed before they expire, so a 10-second sweep loses no lookup' {
        $scenario = Get-Scenario $shortServices 'container'
        $run = Invoke-InScenario $scenario @"
Import-Module '$modulePath'
`$channel = New-KvsSignalingChannel -ChannelName renewal -EndpointUrl '$($shortKvs.Url)' -ErrorAction Stop
`$clock = [Diagnostics.Stopwatch]::StartNew()
`$count = 0
while (`$clock.Elapsed.TotalSeconds -lt 10) {
    `$count += @(Get-KvsSignalingChannelEndpoint `$channel.ChannelARN -Role MASTER -Force -EndpointUrl '$($shortKvs.Url)' -ErrorVariable +failures -ErrorAction SilentlyContinue).Count
    Start-Sleep -Milliseconds 20
}
ConvertTo-Json -Compress -InputObject @{ Lookups = `$count; Errors = @(`$failures | ForEach-Object { `$_.FullyQualifiedErrorId + ': ' + `$_.Exception.Message }) }
"@
        $run.Result.Errors | Should -BeNullOrEmpty
        $run.Result.Lookups | Should -BeGreaterThan 20
        $keys = @(Get-ServiceCall $shortServices | Where-Object Issued | Select-Object -ExpandProperty Issued -Unique)
        $keys.Count | Should -BeGreaterOrEqual 3
    }
}
