# Folders match namespaces in every product project: a file's namespace is its project's folder name plus the
# folders below it. Two kinds of file are exempt, each by the convention of what it stands in for: polyfills
# take the namespace of the framework type they supply, and the dependency-injection extension methods live in
# Microsoft.Extensions.DependencyInjection, where AddXxx methods are looked for.

BeforeDiscovery {
    $repo = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $script:Files = foreach ($top in 'src', 'module', 'analyzers') {
        foreach ($project in Get-ChildItem -Directory -Path (Join-Path $repo $top)) {
            if (-not (Get-ChildItem -Path $project.FullName -Filter '*.csproj')) { continue }
            foreach ($file in Get-ChildItem -Recurse -File -Filter '*.cs' -Path $project.FullName) {
                $relative = [IO.Path]::GetRelativePath($project.FullName, $file.FullName)
                if ($relative -match '^(bin|obj)[\\/]') { continue }
                $folder = Split-Path -Parent $relative
                $expected = if ($folder) { "$($project.Name).$($folder -replace '[\\/]', '.')" } else { $project.Name }
                $namespace = (Select-String -Path $file.FullName -Pattern '^namespace\s+([\w.]+)' | Select-Object -First 1).Matches.Groups[1].Value
                $path = "$top/$($project.Name)/$($relative -replace '\\', '/')"
                $exempt = $path -match '/Polyfills/' -or
                    ($project.Name -eq 'KvsSignaling.Extensions.DependencyInjection' -and $namespace -eq 'Microsoft.Extensions.DependencyInjection')
                if ($exempt) { continue }
                @{ Path = $path; Namespace = $namespace; Expected = $expected }
            }
        }
    }
}

Describe 'Folders and namespaces' {
    It '<Path> is in namespace <Expected>' -ForEach $Files {
        $Namespace | Should -Be $Expected
    }
}
