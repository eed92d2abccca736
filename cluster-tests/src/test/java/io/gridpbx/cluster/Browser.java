package io.gridpbx.cluster;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through chromedriver, with the few moves a Vaadin Flow page needs:
 * wait for the server round trip, type into a field's native input, click, read a grid. Each browser
 * gets a fresh profile; nothing reaches beyond loopback.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    // Flow has booted and no request to the server is in flight.
    private static final String VAADIN_IDLE = """
            const v = window.Vaadin;
            if (!v || !v.Flow || !v.Flow.clients) { return false; }
            const clients = Object.values(v.Flow.clients);
            return clients.length > 0 && clients.every(c => !c.isActive || !c.isActive());
            """;

    private final ChromeDriver driver;
    private final WebDriverWait wait;
    private final String baseUrl;

    private Browser(ChromeDriver driver, String baseUrl) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        this.baseUrl = baseUrl;
    }

    static Browser open(String baseUrl) {
        try {
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toString());
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--window-size=1366,900",
                    "--user-data-dir=" + Files.createTempDirectory("gridpbx-chromium-"));
            // An explicit driver: Selenium Manager would try to download one.
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
            return new Browser(new ChromeDriver(service, options), baseUrl);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Browser go(String path) {
        driver.get(baseUrl + "/" + path);
        idle();
        return this;
    }

    void idle() {
        wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(VAADIN_IDLE)));
    }

    WebElement byId(String id) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    }

    boolean present(String id) {
        return !driver.findElements(By.id(id)).isEmpty();
    }

    /** Types into a Vaadin field's native input and leaves it, so that the value reaches the server. */
    Browser type(String id, String text) {
        WebElement input = byId(id).findElement(By.cssSelector("input"));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(text, Keys.TAB);
        idle();
        return this;
    }

    Browser click(String id) {
        org.openqa.selenium.WebElement element = wait.until(ExpectedConditions.elementToBeClickable(By.id(id)));
        // A wide grid scrolls sideways: a button in its last column may lie outside the window, as a
        // person would scroll to it, the test brings it into view first.
        driver.executeScript("arguments[0].scrollIntoView({block: 'center', inline: 'center'});", element);
        element.click();
        idle();
        return this;
    }

    /** Picks an item of a combo box by its visible label. */
    Browser choose(String id, String label) {
        WebElement input = byId(id).findElement(By.cssSelector("input"));
        input.click();
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), label);
        wait.until(d -> d.findElements(By.cssSelector("vaadin-combo-box-item")).stream()
                .filter(WebElement::isDisplayed).filter(e -> label.equals(e.getText().trim()))
                .findFirst().orElse(null)).click();
        idle();
        return this;
    }

    /** Ticks or unticks a Vaadin checkbox. */
    Browser check(String id, boolean on) {
        WebElement box = byId(id);
        if (box.getAttribute("checked") != null != on) {
            box.findElement(By.cssSelector("input")).click();
            idle();
        }
        return this;
    }

    /** Runs a script in the page (its arguments as {@code arguments[i]}) and returns what it returns. */
    Object script(String javascript, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(javascript, arguments);
    }

    String text(String id) {
        return byId(id).getText().trim();
    }

    /** The visible page text, for labels in one language or the other. */
    String pageText() {
        return (String) ((JavascriptExecutor) driver).executeScript("return document.body.innerText;");
    }

    String path() {
        String url = driver.getCurrentUrl();
        String path = url.substring(baseUrl.length()).replaceFirst("^/", "");
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }

    /** The text of every body row of a Vaadin grid, cell by cell, in row order. */
    @SuppressWarnings("unchecked")
    List<List<String>> gridRows(String id) {
        return (List<List<String>>) ((JavascriptExecutor) driver).executeScript("""
                const g = arguments[0];
                return [...g.shadowRoot.querySelectorAll('#items [part~="row"]')].filter(r => !r.hidden)
                  .sort((a, b) => a.index - b.index)
                  .map(r => [...r.querySelectorAll('[part~="cell"]')].map(td => {
                     const s = td.querySelector('slot'); const n = s && s.assignedNodes()[0];
                     return n ? n.textContent.trim() : ''; }));""", byId(id));
    }

    void waitUntil(String what, java.util.function.BooleanSupplier condition) {
        wait.withMessage(what).until(d -> condition.getAsBoolean());
    }

    /** Saves a PNG of the page under target/screenshots for review. */
    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
