package io.github.camelai4call.examples.support;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.imageio.ImageIO;

import org.apache.camel.ExchangeProperty;

/**
 * The summary of the reporting example (flow 3): a text table and a PNG bar chart of calls per day, drawn with
 * Java2D (headless). Inputs are the rows of {@code report/calls-per-day.sql} and {@code report/calls-per-outcome.sql}
 * as camel-sql returns them (one Map per row, upper-case column names, as H2 reports them).
 */
public final class CallReport {

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private CallReport() {
    }

    /** Calls and cost in total, per outcome, and for the last days. */
    public static String text(@ExchangeProperty("perDay") List<Map<String, Object>> perDay,
                              @ExchangeProperty("perOutcome") List<Map<String, Object>> perOutcome) {
        long total = perDay.stream().mapToLong(r -> number(r, "CALLS").longValue()).sum();
        BigDecimal cost = perDay.stream().map(r -> decimal(r, "COST")).reduce(BigDecimal.ZERO, BigDecimal::add);
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Call report: %d calls over %d days, cost %.2f%n", total, perDay.size(), cost));
        sb.append("Per outcome:\n");
        for (Map<String, Object> r : perOutcome) {
            sb.append(String.format(Locale.ROOT, "  %-14s %7d calls  %10.2f%n", r.get("OUTCOME"), number(r, "CALLS").longValue(),
                    decimal(r, "COST")));
        }
        sb.append("Per day (last 7):\n");
        for (Map<String, Object> r : perDay.subList(Math.max(0, perDay.size() - 7), perDay.size())) {
            sb.append(String.format(Locale.ROOT, "  %s %7d calls  %10.2f%n", r.get("CALL_DAY"), number(r, "CALLS").longValue(),
                    decimal(r, "COST")));
        }
        return sb.toString();
    }

    /** A PNG bar chart of the calls per day. */
    public static byte[] chart(@ExchangeProperty("perDay") List<Map<String, Object>> perDay) {
        int w = 900;
        int h = 360;
        int left = 50;
        int bottom = 40;
        int top = 40;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.setColor(Color.DARK_GRAY);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
            g.drawString("AI4CALL calls per day", left, 25);
            long max = Math.max(1, perDay.stream().mapToLong(r -> number(r, "CALLS").longValue()).max().orElse(1));
            int plotW = w - left - 20;
            int plotH = h - top - bottom;
            g.setStroke(new BasicStroke(1f));
            g.drawLine(left, top + plotH, left + plotW, top + plotH);
            g.drawLine(left, top, left, top + plotH);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            g.drawString(String.valueOf(max), 5, top + 10);
            g.drawString("0", 5, top + plotH);
            int n = Math.max(1, perDay.size());
            double barW = (double) plotW / n;
            for (int i = 0; i < perDay.size(); i++) {
                Map<String, Object> r = perDay.get(i);
                int barH = (int) Math.round(plotH * number(r, "CALLS").doubleValue() / max);
                int x = left + (int) Math.round(i * barW) + 1;
                g.setColor(new Color(0x2f6fb0));
                g.fillRect(x, top + plotH - barH, Math.max(1, (int) Math.floor(barW) - 2), barH);
                if (i == 0 || i == perDay.size() - 1) {
                    g.setColor(Color.DARK_GRAY);
                    String day = String.valueOf(r.get("CALL_DAY"));
                    g.drawString(day, Math.min(x, w - 80), top + plotH + 15);
                }
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static Number number(Map<String, Object> row, String column) {
        Object v = row.get(column);
        return v instanceof Number n ? n : 0;
    }

    private static BigDecimal decimal(Map<String, Object> row, String column) {
        Object v = row.get(column);
        return v instanceof BigDecimal d ? d : v instanceof Number n ? BigDecimal.valueOf(n.doubleValue()) : BigDecimal.ZERO;
    }
}
