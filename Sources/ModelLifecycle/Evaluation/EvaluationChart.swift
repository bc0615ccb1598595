// Inline SVG charts for the evaluation report: a confusion matrix that stays legible from a
// handful of intents to 150 (small cells, rotated column labels, tooltips) and a stacked
// confidence histogram.
import Foundation

/// SVG drawings of evaluation results.
enum EvaluationChart {
    /// Labels longer than this are cut (the full name stays in the cell tooltips).
    static let maximumLabelCharacters = 36

    /// The confusion matrix as SVG: rows gold, columns answered, colour = row-normalised share.
    static func confusionMatrix(_ matrix: ConfusionMatrix) -> String {
        let count = matrix.labels.count
        guard count > 0 else { return "<p>No rows.</p>" }
        let cell = count <= 12 ? 36.0 : max(8, min(22, 880 / Double(count)))
        let font = min(12, max(7, cell * 0.8))
        let shown = matrix.labels.map(shortLabel)
        let labelWidth = Double(shown.map(\.count).max() ?? 1) * font * 0.62 + 10
        let left = labelWidth + 24, top = labelWidth + 24
        let side = cell * Double(count)
        let width = left + side + 90, height = top + side + 10
        var svg = [
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(n(width))\" height=\"\(n(height))\" "
                + "viewBox=\"0 0 \(n(width)) \(n(height))\" font-family=\"sans-serif\" font-size=\"\(n(font))\">",
            "<rect x=\"\(n(left))\" y=\"\(n(top))\" width=\"\(n(side))\" height=\"\(n(side))\" fill=\"#fafafa\" stroke=\"#ccc\"/>",
            "<text x=\"\(n(left + side / 2))\" y=\"12\" text-anchor=\"middle\" font-weight=\"bold\">answered</text>",
            "<text x=\"12\" y=\"\(n(top + side / 2))\" text-anchor=\"middle\" font-weight=\"bold\" "
                + "transform=\"rotate(-90 12 \(n(top + side / 2)))\">gold</text>",
        ]
        for index in 0..<count {
            let centre = Double(index) * cell + cell / 2
            let label = HTMLText.escape(shown[index])
            svg.append("<text x=\"\(n(left - 4))\" y=\"\(n(top + centre))\" text-anchor=\"end\" "
                + "dominant-baseline=\"middle\">\(label)</text>")
            svg.append("<text x=\"\(n(left + centre))\" y=\"\(n(top - 4))\" dominant-baseline=\"middle\" "
                + "transform=\"rotate(-90 \(n(left + centre)) \(n(top - 4)))\">\(label)</text>")
        }
        for row in 0..<count {
            for column in 0..<count where matrix.counts[row][column] > 0 {
                svg.append(matrixCell(matrix, row, column, x: left + Double(column) * cell,
                                      y: top + Double(row) * cell, cell: cell, font: font))
            }
        }
        svg.append(colourScale(x: left + side + 20, y: top, height: min(side, 200), font: font))
        svg.append("</svg>")
        return svg.joined(separator: "\n")
    }

    private static func matrixCell(_ matrix: ConfusionMatrix, _ row: Int, _ column: Int,
                                   x: Double, y: Double, cell: Double, font: Double) -> String {
        let share = matrix.rowShare(row, column)
        let value = matrix.counts[row][column]
        let tip = HTMLText.escape("\(matrix.labels[row]) → \(matrix.labels[column]): \(value) (\(Int((share * 100).rounded())) %)")
        let outline = row == column ? " stroke=\"#2a7\" stroke-width=\"1\"" : ""
        var text = ""
        if cell >= 20 {
            let ink = share > 0.5 ? "#fff" : "#222"
            text = "<text x=\"\(n(x + cell / 2))\" y=\"\(n(y + cell / 2))\" text-anchor=\"middle\" "
                + "dominant-baseline=\"middle\" fill=\"\(ink)\" font-size=\"\(n(min(font, cell * 0.45)))\">\(value)</text>"
        }
        return "<g><title>\(tip)</title><rect x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(cell))\" height=\"\(n(cell))\" "
            + "fill=\"\(colour(share))\"\(outline)/>\(text)</g>"
    }

    private static func colourScale(x: Double, y: Double, height: Double, font: Double) -> String {
        let steps = 10
        var parts: [String] = []
        for step in 0..<steps {
            let share = 1 - Double(step) / Double(steps - 1)
            parts.append("<rect x=\"\(n(x))\" y=\"\(n(y + Double(step) * height / Double(steps)))\" width=\"14\" "
                + "height=\"\(n(height / Double(steps) + 0.5))\" fill=\"\(colour(share))\"/>")
        }
        parts.append("<text x=\"\(n(x + 18))\" y=\"\(n(y + font))\">100 %</text>")
        parts.append("<text x=\"\(n(x + 18))\" y=\"\(n(y + height))\">0 %</text>")
        return parts.joined(separator: "\n")
    }

    /// White to dark blue as `share` goes from 0 to 1 (a faint floor so any count shows).
    static func colour(_ share: Double) -> String {
        let t = 0.08 + 0.92 * min(1, max(0, share))
        let (r, g, b) = (247 - t * (247 - 8), 251 - t * (251 - 48), 255 - t * (255 - 107))
        return String(format: "#%02x%02x%02x", Int(r.rounded()), Int(g.rounded()), Int(b.rounded()))
    }

    /// Right (green) and wrong (red) answers per confidence bin, stacked.
    static func histogram(_ histogram: ConfidenceHistogram) -> String {
        let bins = ConfidenceHistogram.binCount
        let totals = (0..<bins).map { histogram.correct[$0] + histogram.wrong[$0] }
        let highest = max(1, totals.max() ?? 1)
        let (left, top, plotWidth, plotHeight) = (50.0, 30.0, 600.0, 240.0)
        let bar = plotWidth / Double(bins)
        let scale = plotHeight / Double(highest)
        var svg = [
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(n(left + plotWidth + 150))\" height=\"\(n(top + plotHeight + 50))\" "
                + "font-family=\"sans-serif\" font-size=\"12\">",
            "<line x1=\"\(n(left))\" y1=\"\(n(top + plotHeight))\" x2=\"\(n(left + plotWidth))\" y2=\"\(n(top + plotHeight))\" stroke=\"#444\"/>",
            "<line x1=\"\(n(left))\" y1=\"\(n(top))\" x2=\"\(n(left))\" y2=\"\(n(top + plotHeight))\" stroke=\"#444\"/>",
        ]
        for tick in Set([0, highest / 2, highest]).sorted() {
            let y = top + plotHeight - Double(tick) * scale
            svg.append("<text x=\"\(n(left - 6))\" y=\"\(n(y))\" text-anchor=\"end\" dominant-baseline=\"middle\">\(tick)</text>")
        }
        for index in 0..<bins {
            let x = left + Double(index) * bar + 3
            let right = Double(histogram.correct[index]) * scale, wrong = Double(histogram.wrong[index]) * scale
            let base = top + plotHeight
            let edges = String(format: "%.1f–%.1f", ConfidenceHistogram.lowerEdge(index), ConfidenceHistogram.lowerEdge(index + 1))
            svg.append("<g><title>\(edges): \(histogram.correct[index]) right, \(histogram.wrong[index]) wrong</title>"
                + "<rect x=\"\(n(x))\" y=\"\(n(base - right))\" width=\"\(n(bar - 6))\" height=\"\(n(right))\" fill=\"#3a9d5d\"/>"
                + "<rect x=\"\(n(x))\" y=\"\(n(base - right - wrong))\" width=\"\(n(bar - 6))\" height=\"\(n(wrong))\" fill=\"#d9534f\"/></g>")
            svg.append("<text x=\"\(n(x + bar / 2 - 3))\" y=\"\(n(base + 16))\" text-anchor=\"middle\">\(edges)</text>")
        }
        svg.append("<text x=\"\(n(left + plotWidth / 2))\" y=\"\(n(top + plotHeight + 40))\" text-anchor=\"middle\">confidence</text>")
        let legendX = left + plotWidth + 20
        svg.append("<rect x=\"\(n(legendX))\" y=\"\(n(top))\" width=\"12\" height=\"12\" fill=\"#3a9d5d\"/>"
            + "<text x=\"\(n(legendX + 18))\" y=\"\(n(top + 10))\">right</text>")
        svg.append("<rect x=\"\(n(legendX))\" y=\"\(n(top + 20))\" width=\"12\" height=\"12\" fill=\"#d9534f\"/>"
            + "<text x=\"\(n(legendX + 18))\" y=\"\(n(top + 30))\">wrong</text>")
        svg.append("</svg>")
        return svg.joined(separator: "\n")
    }

    private static func shortLabel(_ label: String) -> String {
        label.count <= maximumLabelCharacters ? label : String(label.prefix(maximumLabelCharacters - 1)) + "…"
    }

    /// A coordinate with at most one decimal.
    private static func n(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(format: "%.1f", rounded)
    }
}
