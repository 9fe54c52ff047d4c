#!/usr/bin/env bash
# Builds the installable app from target/backupdesk.jar with jpackage: a trimmed Java runtime (jlink, with
# the modules jdeps finds plus the service providers it cannot see), an app image, and on Linux a .deb.
# The launcher starts the desktop app without arguments and runs the command line with them.
#
#   ./mvnw -Pinstaller package        (or, after ./mvnw package: installer/build.sh)
#
# Output: target/installer/app/backupdesk (the app image) and target/installer/backupdesk_<version>-1_amd64.deb.
# Windows (.msi) and macOS (.dmg) are built on those systems; see installer/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."

VERSION=${VERSION:-$(sed -n 's:.*<version>\([0-9][0-9.]*\)\(-SNAPSHOT\)\{0,1\}</version>.*:\1:p' pom.xml | head -n 1)}
OUT=target/installer
JAR=target/backupdesk.jar
FX=target/javafx
[ -f "$JAR" ] || { echo "Build first: ./mvnw package -DskipTests" >&2; exit 2; }
ls "$FX"/javafx-graphics-*.jar >/dev/null 2>&1 || { echo "No JavaFX modules in $FX: build again with ./mvnw package" >&2; exit 2; }
rm -rf "$OUT"
mkdir -p "$OUT/input"
cp "$JAR" "$OUT/input/"
# JavaFX goes into the runtime as named modules, the supported way: from the class path it warns "Unsupported JavaFX
# configuration" at every start (docs/decisions/0044). Its classes and native libraries leave the jar, which would
# otherwise carry a second copy the named modules hide.
for fx in "$FX"/*.jar; do
  unzip -Z1 "$fx" | grep -v -e '^META-INF/' -e '/$' -e '^module-info.class$'
done | sort -u | zip -q -d "$OUT/input/backupdesk.jar" -@

# jdeps sees the static dependencies; TLS over elliptic curves (PostgreSQL with SSL, SMTPS, HTTPS webhooks)
# and the zip file system are service providers it cannot see
modules=$(jdeps --ignore-missing-deps --print-module-deps --multi-release 17 "$JAR")
modules="$modules,jdk.crypto.ec,jdk.zipfs,java.logging,java.xml,javafx.controls,javafx.fxml"
echo "Runtime modules: $modules"
# with the runtime's own class-data archive, which jlink leaves out unless asked: every start maps the JDK's classes
# instead of loading them (docs/decisions/0026)
jlink --module-path "$FX" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages --compress=2 --generate-cds-archive \
  --output "$OUT/runtime"

common=(--name backupdesk --app-version "$VERSION" --vendor "Backup Desk"
        --description "Backs up and restores PostgreSQL databases with pg_dump, with a dashboard and schedules")
case "$(uname -s)" in
  # the command line's classes on top of the runtime's, from an archive the package's postinst makes where the jar is
  # installed (the JVM takes it for that place only); while it is missing, the runtime's archive is used alone
  Linux) icon=icons/png/backupdesk-256.png
    per_os=(--java-options '-XX:SharedArchiveFile=$APPDIR/../runtime/lib/server/classes.jsa:$APPDIR/backupdesk.jsa'
            --java-options -Xlog:cds=off --java-options -Xlog:cds+dynamic=off) ;;
  Darwin) icon=icons/backupdesk.icns; per_os=(--mac-package-identifier io.backupdesk --mac-package-name "Backup Desk") ;;
  *) icon=icons/backupdesk.ico; per_os=(--add-launcher backupdesk-cli=installer/windows/backupdesk-cli.properties) ;;
esac
jpackage --type app-image "${common[@]}" "${per_os[@]}" --input "$OUT/input" --main-jar backupdesk.jar \
  --main-class io.backupdesk.app.Launcher --runtime-image "$OUT/runtime" --icon "$icon" --dest "$OUT/app"
echo "App image: $(ls -d "$OUT"/app/*) ($(du -sh "$OUT"/app/* | cut -f1 | head -n 1))"

case "$(uname -s)" in
  Linux)
    # the command line's own entry, which the package puts on the PATH (see the script)
    cp installer/linux/backupdesk-cli "$OUT/app/backupdesk/bin/"
    command -v dpkg-deb >/dev/null || { echo "No dpkg-deb: the app image is all that was built." >&2; exit 0; }
    # jpackage cannot see JavaFX's GTK dependency; the PostgreSQL client programs are what it runs
    jpackage --type deb "${common[@]}" --app-image "$OUT/app/backupdesk" --resource-dir installer/linux \
    --linux-package-name backupdesk --linux-deb-maintainer "maintainers@backupdesk.invalid" \
    --linux-menu-group "Utility;Database" --linux-app-category database --linux-shortcut \
    --linux-package-deps "libgtk-3-0, postgresql-client" --icon icons/png/backupdesk-256.png --dest "$OUT"
    deb=$(ls "$OUT"/backupdesk_*.deb)
    echo "Package: $deb ($(du -h "$deb" | cut -f1))"
    ;;
  Darwin)
    jpackage --type dmg "${common[@]}" --app-image "$OUT/app/backupdesk.app" --mac-package-identifier io.backupdesk \
      --icon icons/backupdesk.icns --dest "$OUT"
    ;;
  *)
    # the upgrade code stays the same for every version, so a new .msi replaces the installed one
    jpackage --type msi "${common[@]}" --app-image "$OUT/app/backupdesk" --win-upgrade-uuid 5b0f7c1e-3d2a-4f7b-9c61-8a4e2d9f0b35 \
      --win-menu --win-menu-group "Backup Desk" --win-shortcut --win-dir-chooser --icon icons/backupdesk.ico --dest "$OUT"
    ;;
esac
