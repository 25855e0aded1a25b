// SPDX-License-Identifier: MPL-2.0
#include "msoko/results.hpp"

#include "msoko/text.hpp"

#include <cmath>
#include <string>

namespace msoko {

std::optional<MarkComparison> parse_mark_comparison(std::string_view mode) {
    const std::string m = fold(mode);
    if (m == "подтвердили" || m == "confirmed")
        return MarkComparison::Confirmed;
    if (m == "понизили" || m == "lowered")
        return MarkComparison::Lowered;
    if (m == "повысили" || m == "raised")
        return MarkComparison::Raised;
    return std::nullopt;
}

bool is_no_mark(std::string_view text) {
    const std::string t = fold(text);
    return t == "нет отметки" || t == "х" || t == "x" || t == "-" || t == "—" || t == "–";
}

namespace {

std::string place(const char* argument, std::size_t index) {
    return std::string(argument) + " cell " + std::to_string(index + 1);
}

// A mark 2–5, nothing (left out), or why the cell is not a mark.
enum class Read { Mark, Skip, Bad };
Read read_mark(const Cell& c, int& mark) {
    switch (c.kind()) {
        case Cell::Kind::Empty:
            return Read::Skip;
        case Cell::Kind::Text:
            return is_no_mark(c.text()) ? Read::Skip : Read::Bad;
        case Cell::Kind::Error:
            return Read::Bad;
        case Cell::Kind::Number:
            break;
    }
    const double v = c.number();
    if (v != std::floor(v) || v < 2 || v > 5)
        return Read::Bad;
    mark = static_cast<int>(v);
    return Read::Mark;
}

// Scores of participants: calls `use` for each score; returns the reason a
// cell is not a score, or an empty string.
template <class Use>
std::string each_score(const Range& scores, Use use) {
    for (std::size_t i = 0; i < scores.size(); ++i) {
        const Cell& c = scores.cells()[i];
        switch (c.kind()) {
            case Cell::Kind::Empty:
                continue;
            case Cell::Kind::Text:
                if (is_no_mark(c.text()))
                    continue;
                return "text in " + place("scores", i);
            case Cell::Kind::Error:
                return "error value in " + place("scores", i);
            case Cell::Kind::Number:
                break;
        }
        if (!std::isfinite(c.number()) || c.number() < 0)
            return "not a score (negative or not finite) in " + place("scores", i);
        use(c.number());
    }
    return {};
}

Result share_of(std::size_t hits, std::size_t total, const char* nobody) {
    if (total == 0)
        return Result::not_applicable(nobody);
    return Result::of(100.0 * static_cast<double>(hits) / static_cast<double>(total));
}

}  // namespace

Result marks(const Range& exam, const Range& journal, std::string_view mode) {
    const auto comparison = parse_mark_comparison(mode);
    if (!comparison)
        return Result::invalid("unknown mode; expected подтвердили, понизили, повысили (confirmed, lowered, raised)");
    if (exam.size() != journal.size())
        return Result::invalid("exam marks and journal marks differ in length (" + std::to_string(exam.size()) +
                               " and " + std::to_string(journal.size()) + " cells)");
    std::size_t pairs = 0, hits = 0;
    for (std::size_t i = 0; i < exam.size(); ++i) {
        int e = 0, j = 0;
        const Read re = read_mark(exam.cells()[i], e);
        if (re == Read::Bad)
            return Result::invalid("not a mark 2–5 in " + place("exam marks", i));
        const Read rj = read_mark(journal.cells()[i], j);
        if (rj == Read::Bad)
            return Result::invalid("not a mark 2–5 in " + place("journal marks", i));
        if (re == Read::Skip || rj == Read::Skip)
            continue;
        ++pairs;
        switch (*comparison) {
            case MarkComparison::Confirmed:
                hits += e == j;
                break;
            case MarkComparison::Lowered:
                hits += e < j;
                break;
            case MarkComparison::Raised:
                hits += e > j;
                break;
        }
    }
    return share_of(hits, pairs, "no pair of marks to compare");
}

Result below_min(const Range& scores, double minimum) {
    if (!std::isfinite(minimum))
        return Result::invalid("the minimum is not a number");
    std::size_t total = 0, below = 0;
    const std::string bad = each_score(scores, [&](double s) {
        ++total;
        below += s < minimum;
    });
    if (!bad.empty())
        return Result::invalid(bad);
    return share_of(below, total, "no participant with a score");
}

Result score_band(const Range& scores, double from, std::optional<double> to) {
    if (!std::isfinite(from) || (to && !std::isfinite(*to)))
        return Result::invalid("a band limit is not a number");
    if (to && from > *to)
        return Result::invalid("the band's lower limit is above its upper limit");
    std::size_t total = 0, in = 0;
    const std::string bad = each_score(scores, [&](double s) {
        ++total;
        in += s >= from && (!to || s <= *to);
    });
    if (!bad.empty())
        return Result::invalid(bad);
    return share_of(in, total, "no participant with a score");
}

Result dynamics(const Range& current, const Range& previous) {
    double values[2] = {0, 0};
    const Range* args[2] = {&current, &previous};
    const char* names[2] = {"current", "previous"};
    bool empty = false;
    for (int k = 0; k < 2; ++k) {
        if (args[k]->size() != 1)
            return Result::invalid(std::string(names[k]) + " must be one cell");
        const Cell& c = args[k]->cells().front();
        switch (c.kind()) {
            case Cell::Kind::Empty:
                empty = true;
                continue;
            case Cell::Kind::Text:
                return Result::invalid(std::string("text in ") + names[k]);
            case Cell::Kind::Error:
                return Result::invalid(std::string("error value in ") + names[k]);
            case Cell::Kind::Number:
                if (!std::isfinite(c.number()))
                    return Result::invalid(std::string("not a number in ") + names[k]);
                values[k] = c.number();
        }
    }
    if (empty)
        return Result::not_applicable("a value to compare is empty");
    const double change = values[0] - values[1];
    if (!std::isfinite(change))
        return Result::invalid("the difference is too large for a number");
    return Result::of(change);
}

}  // namespace msoko
