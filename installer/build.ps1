# Builds Dynagate's Windows packages with jpackage into target\installer\.
#
#   powershell -File installer\build.ps1              app-image and msi
#   powershell -File installer\build.ps1 app-image    only the types named
#
# Needs a full JDK 17+ with jmods (JAVA_HOME), Maven, and WiX Toolset 3 (candle.exe, light.exe on PATH) for .msi/.exe.
# $env:SKIP_BUILD = "1" reuses target\dynagate.jar and target\lib.
param([string[]] $Types = @("app-image", "msi"))
$ErrorActionPreference = "Stop"
$root = Split-Path -Parent $PSScriptRoot
Set-Location $root

if (-not $env:JAVA_HOME) { throw "Set JAVA_HOME to a JDK 17+ that has a jmods folder." }
$bin = Join-Path $env:JAVA_HOME "bin"
if (-not (Test-Path (Join-Path $env:JAVA_HOME "jmods"))) { throw "No jmods in $env:JAVA_HOME." }

[xml] $pom = Get-Content pom.xml
$version = ($pom.project.version -split "-")[0]

if ($env:SKIP_BUILD -ne "1") { mvn -q -B -DskipTests package; if ($LASTEXITCODE) { exit $LASTEXITCODE } }

$work = "target\installer-work"; $out = "target\installer"
Remove-Item -Recurse -Force $work, $out -ErrorAction SilentlyContinue
New-Item -ItemType Directory -Force "$work\input\lib", $out | Out-Null

# The app jar and its class path, without JavaFX: JavaFX goes into the runtime image as modules.
Copy-Item target\dynagate.jar "$work\input\"
Get-ChildItem target\lib\*.jar | Where-Object { $_.Name -notlike "javafx-*" } | Copy-Item -Destination "$work\input\lib\"
$fxPath = (Get-ChildItem target\lib\javafx-*-win.jar | ForEach-Object { $_.FullName }) -join ";"

$classPath = (Get-ChildItem "$work\input\lib\*.jar" | ForEach-Object { $_.FullName }) -join ";"
$jdkModules = (& "$bin\jdeps" --ignore-missing-deps --multi-release 17 --print-module-deps `
    --class-path $classPath "$work\input\dynagate.jar" | Select-Object -Last 1)
$extra = (Get-Content installer\extra-modules.txt | Where-Object { $_ -and -not $_.StartsWith("#") }) -join ","
$modules = "$jdkModules,$extra,javafx.controls,javafx.fxml"
Write-Host "runtime modules: $modules"

& "$bin\jlink" --module-path "$env:JAVA_HOME\jmods;$fxPath" --add-modules $modules `
    --strip-debug --no-header-files --no-man-pages --compress=2 --output "$work\runtime"
if ($LASTEXITCODE) { exit $LASTEXITCODE }

$common = @("--name", "Dynagate", "--app-version", $version, "--vendor", "Dynagate",
            "--description", "Desktop workbench for API Gateway, Lambda and DynamoDB", "--copyright", "Dynagate")

foreach ($type in $Types) {
    Write-Host "jpackage --type $type"
    if ($type -eq "app-image") {
        & "$bin\jpackage" --type app-image @common --input "$work\input" --main-jar dynagate.jar `
            --main-class dev.dynagate.Launcher --runtime-image "$work\runtime" `
            --icon installer\windows\dynagate.ico --dest $out "@installer\jpackage-launcher.args"
    } else {
        & "$bin\jpackage" --type $type @common --app-image "$out\Dynagate" --dest $out `
            "@installer\windows\jpackage-windows.args"
    }
    if ($LASTEXITCODE) { exit $LASTEXITCODE }
}
Get-ChildItem $out
