using System.Text;

namespace KvsSignaling.Bench;

/// <summary>
/// Writes a consumer project whose files are full of call sites the analyzer checks (role, protocol and ARN
/// constants flowing into KvsSignaling), with the analyzer switched on by <c>-p:WithKvsAnalyzer=true</c>. All
/// values are valid, so both builds succeed and differ only in the analyzer's work.
/// </summary>
internal static class AnalyzerProjectGenerator
{
    public static void Run(BenchArguments args)
    {
        var output = Path.GetFullPath(args.Text("out"));
        var files = args.Number("files", 2000);
        var sitesPerFile = args.Number("sites-per-file", 10);
        var library = Path.GetFullPath(args.Text("library"));
        var analyzer = Path.GetFullPath(args.Text("analyzer"));
        if (Directory.Exists(output))
        {
            Directory.Delete(output, recursive: true);
        }

        Directory.CreateDirectory(output);
        // Empty props files stop MSBuild from picking up the repository's settings above the output folder.
        File.WriteAllText(Path.Combine(output, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(output, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(output, "Directory.Packages.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(output, "AnalyzerLoad.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <OutputType>Library</OutputType>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
                <EnableNETAnalyzers>false</EnableNETAnalyzers>
              </PropertyGroup>
              <ItemGroup>
                <Reference Include="KvsSignaling" HintPath="{library}" />
                <Analyzer Include="{analyzer}" Condition="'$(WithKvsAnalyzer)' == 'true'" />
              </ItemGroup>
            </Project>
            """);
        var roles = new[] { "MASTER", "VIEWER" };
        var protocols = new[] { "WSS", "HTTPS", "WEBRTC" };
        for (var f = 0; f < files; f++)
        {
            var code = new StringBuilder();
            code.AppendLine("using KvsSignaling;").AppendLine().AppendLine("namespace AnalyzerLoad;").AppendLine()
                .AppendLine($"public static class Calls{f:D5}").AppendLine("{").AppendLine("    public static int Run()").AppendLine("    {")
                .AppendLine("        var total = 0;");
            for (var s = 0; s < sitesPerFile; s++)
            {
                var line = (s % 3) switch
                {
                    0 => $"        total += ChannelRole.Parse(\"{roles[s % 2]}\").Value.Length;",
                    1 => $"        total += ChannelProtocol.Parse(\"{protocols[s % 3]}\").Value.Length;",
                    _ => $"        total += ChannelArn.Parse(\"arn:aws:kinesisvideo:us-west-2:123456789012:channel/cam-{f}-{s}/1700000000000\").ChannelName.Length;",
                };
                code.AppendLine(line);
            }

            code.AppendLine("        return total;").AppendLine("    }").AppendLine("}");
            File.WriteAllText(Path.Combine(output, $"Calls{f:D5}.cs"), code.ToString());
        }

        Console.WriteLine($"wrote {files} files with {files * sitesPerFile} call sites to {output}");
    }
}
