package org.papergraph.serve.web;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;

/**
 * A minimal W3C WebDriver client for tests: starts Debian's chromedriver on a free local port, opens one headless
 * Chromium session and speaks the WebDriver HTTP protocol with java.net.http, so no Selenium dependency is needed.
 * Only what the browser tests use: navigate, find, click, type, run a script, screenshot.
 */
final class WebDriver implements AutoCloseable {
    static final String INSTALL = "headless browser tests need Debian's chromium and chromedriver: "
            + "apt-get update && apt-get install -y chromium chromium-driver (CI's .ci/run does this)";
    private static final String ELEMENT = "element-6066-11e4-a52e-4f735466cecf";
    private final Process driver;
    private final String base;
    private final String session;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** The path of {@code exe} on PATH, or null. */
    static Path onPath(String exe) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path p = Path.of(dir, exe);
            if (Files.isExecutable(p)) return p;
        }
        return null;
    }

    WebDriver(Path chromium, Path chromedriver, Path profile) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        driver = new ProcessBuilder(chromedriver.toString(), "--port=" + port, "--allowed-ips=127.0.0.1")
                .redirectErrorStream(true).redirectOutput(profile.resolveSibling("chromedriver.log").toFile()).start();
        base = "http://127.0.0.1:" + port;
        try {
            session = startSession(chromium, profile);
        } catch (Exception | Error e) {
            driver.destroyForcibly();
            throw e;
        }
    }

    private String startSession(Path chromium, Path profile) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (true) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(base + "/status")).build(), HttpResponse.BodyHandlers.ofString()).statusCode() == 200) break;
            } catch (IOException e) {
                if (System.nanoTime() > deadline) throw new IllegalStateException("chromedriver did not start: " + e);
                Thread.sleep(100);
            }
        }
        JsonObject opts = new JsonObject();
        opts.put("binary", chromium.toString());
        JsonArray args = new JsonArray();
        for (String a : List.of("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1280,900", "--user-data-dir=" + profile)) {
            args.add(a);
        }
        opts.put("args", args);
        JsonObject always = new JsonObject();
        always.put("browserName", "chrome");
        always.put("goog:chromeOptions", opts);
        JsonObject caps = new JsonObject();
        caps.put("alwaysMatch", always);
        JsonObject body = new JsonObject();
        body.put("capabilities", caps);
        JsonObject r = call("POST", "/session", body);
        return r.get("value").getAsObject().getString("sessionId");
    }

    void open(String url) throws Exception {
        JsonObject b = new JsonObject();
        b.put("url", url);
        call("POST", "/session/" + session + "/url", b);
    }

    /** Sets the browser window's size in CSS pixels. */
    void size(int width, int height) throws Exception {
        JsonObject b = new JsonObject();
        b.put("width", width);
        b.put("height", height);
        call("POST", "/session/" + session + "/window/rect", b);
    }

    String url() throws Exception { return call("GET", "/session/" + session + "/url", null).get("value").getAsString().value(); }

    String title() throws Exception { return call("GET", "/session/" + session + "/title", null).get("value").getAsString().value(); }

    /** The id of the first element matching {@code css}; fails when none does. */
    String find(String css) throws Exception {
        JsonObject b = new JsonObject();
        b.put("using", "css selector");
        b.put("value", css);
        JsonObject r = call("POST", "/session/" + session + "/element", b);
        return r.get("value").getAsObject().getString(ELEMENT);
    }

    void click(String element) throws Exception { call("POST", "/session/" + session + "/element/" + element + "/click", new JsonObject()); }

    void type(String element, String text) throws Exception {
        JsonObject b = new JsonObject();
        b.put("text", text);
        call("POST", "/session/" + session + "/element/" + element + "/value", b);
    }

    String text(String element) throws Exception {
        return call("GET", "/session/" + session + "/element/" + element + "/text", null).get("value").getAsString().value();
    }

    String attribute(String element, String name) throws Exception {
        JsonValue v = call("GET", "/session/" + session + "/element/" + element + "/attribute/" + name, null).get("value");
        return v.isNull() ? null : v.getAsString().value();
    }

    /** Runs {@code script} (a function body; arguments as {@code arguments[i]}) and returns its JSON value. */
    JsonValue script(String script, Object... args) throws Exception {
        JsonObject b = new JsonObject();
        b.put("script", script);
        JsonArray a = new JsonArray();
        for (Object o : args) {
            if (o instanceof Number n) a.add(n.longValue());
            else a.add(String.valueOf(o));
        }
        b.put("args", a);
        return call("POST", "/session/" + session + "/execute/sync", b).get("value");
    }

    /** A real mouse click at viewport coordinates (for the canvas, which has no elements to click). */
    void clickAt(int x, int y) throws Exception {
        String json = "{\"actions\":[{\"type\":\"pointer\",\"id\":\"mouse\",\"parameters\":{\"pointerType\":\"mouse\"},\"actions\":["
                + "{\"type\":\"pointerMove\",\"duration\":0,\"origin\":\"viewport\",\"x\":" + x + ",\"y\":" + y + "},"
                + "{\"type\":\"pointerDown\",\"button\":0},{\"type\":\"pause\",\"duration\":50},{\"type\":\"pointerUp\",\"button\":0}]}]}";
        call("POST", "/session/" + session + "/actions", JSON.parse(json));
    }

    void screenshot(Path png) throws Exception {
        String b64 = call("GET", "/session/" + session + "/screenshot", null).get("value").getAsString().value();
        Files.createDirectories(png.getParent());
        Files.write(png, Base64.getDecoder().decode(b64));
    }

    /** Waits up to {@code seconds} for {@code condition}; fails with {@code what} otherwise. */
    static void await(String what, int seconds, Supplier<Boolean> condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!Boolean.TRUE.equals(condition.get())) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for " + what);
            Thread.sleep(100);
        }
    }

    private JsonObject call(String method, String path, JsonObject body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (body == null) b.GET();
        else b.method(method, HttpRequest.BodyPublishers.ofString(JSON.toStringFlat(body))).header("Content-Type", "application/json");
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        JsonObject o = JSON.parse(r.body());
        if (r.statusCode() != 200) throw new AssertionError("WebDriver " + method + " " + path + " -> " + r.statusCode() + ": " + r.body());
        return o;
    }

    @Override
    public void close() {
        try {
            if (session != null) call("DELETE", "/session/" + session, new JsonObject());
        } catch (Exception e) {
            // The driver is stopped below either way.
        } finally {
            driver.destroy();
            try {
                if (!driver.waitFor(5, TimeUnit.SECONDS)) driver.destroyForcibly();
            } catch (InterruptedException e) {
                driver.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
