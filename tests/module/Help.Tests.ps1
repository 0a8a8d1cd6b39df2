BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'KvsLocal.ps1')
    Import-Module (Get-BuiltModulePath) -Force
    $script:cmdlets = @((Get-Module KvsSignaling).ExportedCmdlets.Keys | Sort-Object | ForEach-Object { @{ Name = $_ } })
    $script:examples = foreach ($name in $cmdlets.Name) {
        $number = 0
        foreach ($example in (Get-Help $name -Full).examples.example) {
            $number++
            @{ Cmdlet = $name; Number = $number; Code = $example.code }
        }
    }
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'KvsLocal.ps1')
    Import-Module (Get-BuiltModulePath) -Force
    $script:kvs = Start-KvsLocal
    Set-KvsLocalDefault $kvs
    $script:commonNames = [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters
}

AfterAll {
    Clear-KvsLocalDefault
    Stop-KvsLocal $kvs
}

Describe '<Name> help' -ForEach $cmdlets {
    BeforeAll {
        $script:help = Get-Help $Name -Full
    }

    It 'has a synopsis and a description' {
        $help.Synopsis | Should -Not -BeNullOrEmpty
        $help.Synopsis | Should -Not -Match '^\s*\r?\n?\s*Get-|\['
        ($help.description.Text -join ' ') | Should -Match '\w+ \w+ \w+'
    }

    It 'describes every parameter' {
        $parameters = (Get-Command $Name).Parameters.Keys | Where-Object { $_ -notin $commonNames }
        foreach ($parameter in $parameters) {
            $text = (Get-Help $Name -Parameter $parameter).description.Text -join ' '
            $text | Should -Not -BeNullOrEmpty -Because "-$parameter needs a description"
        }
    }

    It 'has at least two examples' {
        @($help.examples.example).Count | Should -BeGreaterOrEqual 2
    }
}

Describe 'help example <Number> of <Cmdlet>' -ForEach $examples {
    It 'runs against kvs-local without an error' {
        $null = Invoke-KvsLocalAdmin $kvs -Method POST -Path reset
        $fixture = @('cam-front-door', 'cam-back-yard', 'cam-garage' | New-KvsSignalingChannel)
        $fixture.Count | Should -Be 3
        $before = (Invoke-KvsLocalAdmin $kvs -Path requests).Total

        $results = & { $ErrorActionPreference = 'Continue'; & ([scriptblock]::Create($Code)) 2>&1 }
        @($results | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] }) | Should -BeNullOrEmpty
        # Each example talks to the service.
        (Invoke-KvsLocalAdmin $kvs -Path requests).Total | Should -BeGreaterThan $before
    }
}
