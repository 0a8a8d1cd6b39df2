# Source Link must not depend on how a checkout is laid out. CI runners and admins check out in ways git handles
# but a reader of the .git folder may not: a work tree of a bare repository, GIT_DIR and GIT_WORK_TREE in the
# environment, or no git at all (a source archive). In each, the library's source-control step must succeed, and in
# the first two it must name the commit and the repository's one address.

BeforeAll {
    . (Join-Path $PSScriptRoot 'PackageFeed.ps1')
    $script:Repo = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $script:Work = Join-Path ([IO.Path]::GetTempPath()) "kvs-sourcelink-$([guid]::NewGuid().ToString('N'))"
    New-Item -ItemType Directory -Path $Work | Out-Null
    $script:RepositoryUrl = (& dotnet msbuild (Join-Path $Repo 'src/KvsSignaling/KvsSignaling.csproj') -getProperty:KvsRepositoryUrl).Trim()

    function Copy-BuildInputs([string] $To) {
        # The checkout is of the committed tree; the files that decide the build are taken as they are now.
        foreach ($path in 'Directory.Build.props', 'Directory.Packages.props', 'tools/SourceLink.targets', 'src/KvsSignaling/KvsSignaling.csproj') {
            Copy-Item -Force (Join-Path $Repo $path) (Join-Path $To $path)
        }
    }

    function Get-SourceControlInformation([string] $Tree) {
        $project = Join-Path $Tree 'src/KvsSignaling/KvsSignaling.csproj'
        $run = Invoke-Dotnet @('msbuild', $project, '-restore', '-nologo', '-t:InitializeSourceControlInformation',
            '-p:TargetFramework=net8.0', '-p:Configuration=Release', '-getProperty:SourceRevisionId', '-getProperty:EnableSourceLink',
            '-getItem:SourceRoot')
        $json = ($run.Output | Where-Object { $_ -notmatch '^\s*(Determining|Restored|All projects)' }) -join "`n"
        [pscustomobject]@{ ExitCode = $run.ExitCode; Output = $run.Output; Result = $(if ($run.ExitCode -eq 0) { $json | ConvertFrom-Json }) }
    }

    $script:Commit = (& git -C $Repo rev-parse HEAD).Trim()
    $script:Bare = Join-Path $Work 'repo.git'
    # The commit under test goes into a bare repository of its own, whether the repository's HEAD is a branch or not.
    & git init --quiet --bare $Bare
    & git -C $Repo push --quiet $Bare "$($Commit):refs/heads/under-test"
    if ($LASTEXITCODE -ne 0) { throw "Could not copy commit $Commit into $Bare." }
    & git --git-dir $Bare symbolic-ref HEAD refs/heads/under-test
}

AfterAll {
    if ($Work -and (Test-Path $Work)) {
        & git --git-dir $Bare worktree prune 2>$null
        Remove-Item -Recurse -Force $Work -ErrorAction SilentlyContinue
    }
}

Describe 'Source control information' {
    It 'is found in a work tree of a bare repository' {
        $tree = Join-Path $Work 'worktree'
        & git --git-dir $Bare worktree add --quiet --detach $tree $Commit
        Copy-BuildInputs $tree
        $info = Get-SourceControlInformation $tree
        $info.ExitCode | Should -Be 0 -Because ($info.Output -join "`n")
        $info.Result.Properties.SourceRevisionId | Should -Be $Commit
        $root = @($info.Result.Items.SourceRoot | Where-Object SourceControl -EQ 'git')
        $root.Count | Should -Be 1
        $root[0].RevisionId | Should -Be $Commit
        $root[0].RepositoryUrl | Should -Be $RepositoryUrl
        $root[0].Identity.TrimEnd('/', '\') | Should -Be ((Resolve-Path $tree).Path.TrimEnd('/', '\'))
    }

    It 'is found with GIT_DIR and GIT_WORK_TREE in the environment' {
        $tree = Join-Path $Work 'gitdir-tree'
        New-Item -ItemType Directory -Path $tree | Out-Null
        $saved = $env:GIT_DIR, $env:GIT_WORK_TREE
        try {
            $env:GIT_DIR = $Bare; $env:GIT_WORK_TREE = $tree
            & git checkout --quiet --force $Commit -- .
            Copy-BuildInputs $tree
            $info = Get-SourceControlInformation $tree
        } finally { $env:GIT_DIR, $env:GIT_WORK_TREE = $saved }
        $info.ExitCode | Should -Be 0 -Because ($info.Output -join "`n")
        $info.Result.Properties.SourceRevisionId | Should -Be $Commit
        @($info.Result.Items.SourceRoot | Where-Object SourceControl -EQ 'git').RepositoryUrl | Should -Be $RepositoryUrl
    }

    It 'is absent, without failing the build, in a source archive' {
        $tree = Join-Path $Work 'archive'
        New-Item -ItemType Directory -Path $tree | Out-Null
        $tar = Join-Path $Work 'source.tar'
        & git -C $Repo archive --format=tar -o $tar $Commit
        & tar -xf $tar -C $tree
        Copy-BuildInputs $tree
        $saved = $env:GIT_CEILING_DIRECTORIES
        try {
            # Nothing above the archive may pass for its repository.
            $env:GIT_CEILING_DIRECTORIES = $Work
            $info = Get-SourceControlInformation $tree
        } finally { $env:GIT_CEILING_DIRECTORIES = $saved }
        $info.ExitCode | Should -Be 0 -Because ($info.Output -join "`n")
        $info.Result.Properties.EnableSourceLink | Should -Be 'false'
        @($info.Result.Items.SourceRoot | Where-Object SourceControl -EQ 'git') | Should -BeNullOrEmpty
    }
}
