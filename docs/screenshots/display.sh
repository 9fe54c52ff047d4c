# Sourced by the screenshot scripts, after they set DISPLAY: the test class path in CP, an Xvfb on $DISPLAY at
# 1280x800, and a trap that stops it and what the script started in APP (the app) and WM (a window manager).
CLASSPATH_FILE=$(mktemp)
./mvnw -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$CLASSPATH_FILE" >/dev/null
CP="target/classes:target/test-classes:$(cat "$CLASSPATH_FILE")"

Xvfb "$DISPLAY" -screen 0 1280x800x24 >/dev/null 2>&1 &
XVFB=$!
APP=''
WM=''
trap 'set +e; [ -n "$APP" ] && kill "$APP" 2>/dev/null; [ -n "$WM" ] && kill "$WM" 2>/dev/null; kill $XVFB 2>/dev/null; rm -f "$CLASSPATH_FILE"' EXIT
sleep 1
