#!/usr/bin/env bash
# Builds Dynagate's native packages with jpackage into target/installer/.
#
#   installer/build.sh                 app-image plus the platform's installers (Linux: deb and, with rpmbuild, rpm;
#                                      macOS: dmg)
#   installer/build.sh app-image deb   only the types named
#
# Needs a full JDK 17+ with jmods (JAVA_HOME, or the javac on PATH) and Maven. Linux .deb: dpkg-deb and fakeroot;
# .rpm: rpmbuild. macOS .dmg: Xcode command line tools. SKIP_BUILD=1 reuses target/dynagate.jar and target/lib.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

JAVA_HOME=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}
bin=$JAVA_HOME/bin
[ -d "$JAVA_HOME/jmods" ] || { echo "no jmods in $JAVA_HOME (Debian: apt-get install openjdk-17-jmods)" >&2; exit 2; }

case "$(uname -s)" in
  Darwin) os=mac; fx=mac; default_types="app-image dmg" ;;
  *)      os=linux; fx=linux; default_types="app-image deb"; command -v rpmbuild >/dev/null && default_types="$default_types rpm" ;;
esac
[ "$(uname -m)" = aarch64 ] || [ "$(uname -m)" = arm64 ] && fx="$fx-aarch64"
types=${*:-$default_types}

version=$(sed -n '/<artifactId>dynagate<\/artifactId>/{n;s/.*<version>\(.*\)<\/version>.*/\1/p;}' pom.xml)
app_version=${version%%-*}

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  mvn -q -B -DskipTests package
fi

work=target/installer-work
out=target/installer
rm -rf "$work" "$out"
mkdir -p "$work/input/lib" "$out"

# The app jar and its class path, without JavaFX: JavaFX goes into the runtime image as modules.
cp target/dynagate.jar "$work/input/"
for jar in target/lib/*.jar; do
  case "$(basename "$jar")" in javafx-*) ;; *) cp "$jar" "$work/input/lib/" ;; esac
done
fx_path=$(ls target/lib/javafx-*-"$fx".jar | tr '\n' ':')

# JDK modules the code uses, as jdeps sees them, plus those reached only by reflection or service loading.
class_path=$(ls "$work"/input/lib/*.jar | tr '\n' ':')
jdk_modules=$("$bin/jdeps" --ignore-missing-deps --multi-release 17 --print-module-deps \
  --class-path "$class_path" "$work/input/dynagate.jar" 2>/dev/null | tail -n 1)
extra_modules=$(grep -v '^#' installer/extra-modules.txt | tr -d ' ' | paste -sd, -)
modules="$jdk_modules,$extra_modules,javafx.controls,javafx.fxml"
echo "runtime modules: $modules"

"$bin/jlink" --module-path "$JAVA_HOME/jmods:$fx_path" --add-modules "$modules" \
  --strip-debug --no-header-files --no-man-pages --compress=2 --output "$work/runtime"

common=(--name Dynagate --app-version "$app_version" --vendor "Dynagate"
        --description "Desktop workbench for API Gateway, Lambda and DynamoDB"
        --copyright "Dynagate")

for type in $types; do
  echo "jpackage --type $type"
  case "$type" in
    app-image)
      icon=installer/linux/dynagate.png; [ "$os" = mac ] && icon=installer/macos/dynagate.icns
      "$bin/jpackage" --type app-image "${common[@]}" --input "$work/input" --main-jar dynagate.jar \
        --main-class dev.dynagate.Launcher --runtime-image "$work/runtime" --icon "$icon" --dest "$out" \
        @installer/jpackage-launcher.args ;;
    deb|rpm)
      "$bin/jpackage" --type "$type" "${common[@]}" --app-image "$out/Dynagate" --dest "$out" \
        @installer/linux/jpackage-linux.args --resource-dir installer/linux ;;
    dmg|pkg)
      "$bin/jpackage" --type "$type" "${common[@]}" --app-image "$out/Dynagate.app" --dest "$out" \
        @installer/macos/jpackage-mac.args ;;
    *) echo "unknown package type: $type" >&2; exit 2 ;;
  esac
done

du -sh "$out"/* 2>/dev/null
