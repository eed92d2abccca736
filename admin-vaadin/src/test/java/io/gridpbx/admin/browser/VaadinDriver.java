package io.gridpbx.admin.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A small Selenium helper for Vaadin Flow 25 pages in headless Chromium (no TestBench): waits for
 * Flow to be idle, types into Vaadin fields, picks combo-box items, reads grid rows.
 */
public final class VaadinDriver implements AutoCloseable {

    private static final String WAIT_FOR_VAADIN = """
            const v = window.Vaadin;
            if (!v || !v.Flow || !v.Flow.clients) { return false; }
            const clients = Object.values(v.Flow.clients);
            if (clients.length === 0) { return false; }
            return clients.every(c => !c.isActive || !c.isActive());
            """;

    public final ChromeDriver driver;
    public final WebDriverWait wait;
    private final Path profileDir;

    public VaadinDriver() throws IOException {
        profileDir = Files.createTempDirectory("chrome-profile-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments(
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1280,900",
                "--user-data-dir=" + profileDir.toAbsolutePath());
        // Explicit driver executable => Selenium Manager is never invoked (it would try the network).
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    public void open(String url) {
        driver.get(url);
        waitForVaadin();
    }

    /** Waits until Flow has booted and has no server round trip in flight. */
    public void waitForVaadin() {
        wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(WAIT_FOR_VAADIN)));
    }

    public WebElement byId(String id) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
    }

    /**
     * Vaadin 25 text-like fields (vaadin-text-field, -email-field, -password-field, -combo-box ...)
     * render their native &lt;input slot="input"&gt; in the LIGHT DOM, so a plain CSS child selector works.
     */
    public WebElement inputOf(WebElement field) {
        return field.findElement(By.cssSelector("input"));
    }

    /** Types into a Vaadin field and fires 'change' (TAB) so the server-side value is synced. */
    public void type(WebElement field, String text) {
        WebElement input = inputOf(field);
        input.clear();
        input.sendKeys(text, Keys.TAB);
        waitForVaadin();
    }

    public void click(WebElement vaadinButton) {
        driver.executeScript("arguments[0].scrollIntoView({block: 'center', inline: 'center'});", vaadinButton);
        vaadinButton.click(); // host element is clickable; no need to go into the shadow root
        waitForVaadin();
    }

    /** Selecting a combo-box value: type the item label to filter, then pick the item from the popup. */
    public void selectComboBox(WebElement comboBox, String itemLabel) {
        WebElement input = inputOf(comboBox);
        input.click();
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), itemLabel);
        // Items are <vaadin-combo-box-item> elements; wait until one with the label is displayed and click it.
        WebElement item = wait.until(d -> d.findElements(By.cssSelector("vaadin-combo-box-item")).stream()
                .filter(WebElement::isDisplayed)
                .filter(e -> itemLabel.equals(e.getText().trim()))
                .findFirst().orElse(null));
        item.click();
        waitForVaadin();
    }

    /** Shadow-DOM access when really needed (Selenium 4 getShadowRoot(): CSS selectors only inside). */
    public SearchContext shadow(WebElement host) {
        return host.getShadowRoot();
    }

    /** Grid body cell texts, row by row, in rendering order (skips header/footer cells). */
    @SuppressWarnings("unchecked")
    public List<List<String>> gridRows(WebElement grid) {
        return (List<List<String>>) driver.executeScript("""
                const grid = arguments[0];
                const rows = [...grid.shadowRoot.querySelectorAll('#items [part~="row"]')]
                    .filter(r => !r.hidden)
                    .sort((a, b) => a.index - b.index);
                return rows.map(r => [...r.querySelectorAll('[part~="cell"]')].map(td => {
                    const slot = td.querySelector('slot');
                    const content = slot && slot.assignedNodes()[0];
                    return content ? content.textContent.trim() : '';
                }));
                """, grid);
    }

    /** A computed CSS property of the first element matching a selector, to check that styles apply. */
    public String computedStyle(String selector, String property) {
        return (String) driver.executeScript(
                "return getComputedStyle(document.querySelector(arguments[0])).getPropertyValue(arguments[1]);",
                selector, property);
    }

    public String outerHtml(WebElement e) {
        return (String) driver.executeScript("return arguments[0].outerHTML;", e);
    }

    public Path screenshot(Path target) throws IOException {
        Files.createDirectories(target.getParent());
        byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        Files.write(target, png);
        return target;
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profileDir)) {
                files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }
}
