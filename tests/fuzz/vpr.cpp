// SPDX-License-Identifier: MPL-2.0
// Fuzz target: a Ф1 «Индивидуальные результаты» sheet as a spreadsheet
// holds it — heading lines, task levels, a header of real and broken
// column names, school lines and pupils' cells decoded from the input — read
// by vpr::read_results, analysed, rendered as the results workbook and as
// JSON. Invariants: no crash, the counts add up, the shares stay shares.
#include "msoko/vpr_analysis.hpp"
#include "msoko/vpr_workbook.hpp"

#include "fuzz_support.hpp"

namespace msoko {
namespace {

const char* pick(FuzzedDataProvider& in, std::initializer_list<const char*> choices) {
    return choices.begin()[in.ConsumeIntegralInRange<std::size_t>(0, choices.size() - 1)];
}

Cell value(FuzzedDataProvider& in) {
    switch (in.ConsumeIntegralInRange(0, 7)) {
        case 0:
        case 1:
        case 2:
            return Cell::number(in.ConsumeIntegralInRange(-1, 6));
        case 3:
            return Cell::text(pick(in, {"X", "Х", "нет отметки", "-", "1,5", " 2 ", "отсутствовал", "edu1(edu1)"}));
        default:
            return fuzz::cell(in);
    }
}

vpr::SheetCells sheet(FuzzedDataProvider& in) {
    const std::size_t tasks = in.ConsumeIntegralInRange<std::size_t>(0, 6);
    std::vector<Cell> head{Cell::text("ОО"), Cell::text("Название ОО"), Cell::text("Код участника"),
                           Cell::text(pick(in, {"Вариант", "вариант", "Variant"}))};
    std::vector<Cell> levels{Cell::text("Уровень сложности задания"), Cell(), Cell(), Cell()};
    for (std::size_t k = 0; k < tasks; ++k) {
        head.push_back(Cell::text(std::to_string(k + 1) + pick(in, {" (1б)", " (2б)", "(3 б.)", " (0б)", " ()"})));
        levels.push_back(Cell::text(pick(in, {"Б", "П", "", "?"})));
    }
    for (const char* h : {"Первичный балл", "Отметка", "Отметка по журналу"})
        if (in.ConsumeBool())
            head.push_back(Cell::text(h));
    const std::size_t cols = head.size();
    std::vector<Cell> cells;
    const auto row = [&](std::vector<Cell> r) {
        r.resize(cols);
        cells.insert(cells.end(), r.begin(), r.end());
    };
    row({Cell::text(pick(in, {"ВПР 2026 Русский язык 4 класс", "ВПР 2026 Математика 5 класс", "ВПР", ""}))});
    row({Cell::text("Максимальный первичный балл:"), value(in)});
    row(levels);
    row(head);
    while (in.remaining_bytes() > 4 && cells.size() < 4000) {
        if (in.ConsumeIntegralInRange(0, 9) == 0) {
            row({Cell::text(std::string(pick(in, {"МБОУ «А»", "МБОУ «Б»", ""})) + pick(in, {"(edu1)", "(edu2)", ""})),
                 Cell::text(std::string("Кол-во участников: ") + std::to_string(in.ConsumeIntegralInRange(0, 9)))});
            continue;
        }
        std::vector<Cell> r;
        for (std::size_t c = 0; c < cols; ++c)
            r.push_back(c == 0 ? Cell::text(pick(in, {"edu1", "edu2", ""})) : value(in));
        row(r);
    }
    return {"РУ 4 Индивидуальные результаты", Range(cells.size() / cols, cols, std::move(cells))};
}

}  // namespace
}  // namespace msoko

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace msoko;
    FuzzedDataProvider in(data, size);
    static const vpr::BoundaryTable table = vpr::parse_boundaries(
        R"({"format": "msoko-vpr-boundaries/1", "boundaries": [{"year": 2026, "subject": "Русский язык", "grade": 4,
            "max": 6, "three": 2, "four": 3, "five": 5}]})",
        "fuzz");
    std::vector<vpr::ResultsFile> files;
    try {
        files.push_back(vpr::read_results({sheet(in)}, "fuzz.xlsx", table));
    } catch (const vpr::LayoutError&) {
        return 0;
    }
    const vpr::Analysis a = vpr::analyse(files, {}, fuzz::default_catalogue().vpr);
    for (const auto& g : a.groups) {
        FUZZ_CHECK(g.participants + g.absent <= files[0].pupils.size());
        FUZZ_CHECK(g.marks[0] + g.marks[1] + g.marks[2] + g.marks[3] == g.with_mark);
        FUZZ_CHECK(g.with_mark <= g.participants);
        FUZZ_CHECK(g.lowered + g.confirmed + g.raised == g.compared);
        FUZZ_CHECK(!g.share_2 || (*g.share_2 >= 0 && *g.share_2 <= 100));
        FUZZ_CHECK(!g.rank_correlation || (*g.rank_correlation >= -1 - 1e-9 && *g.rank_correlation <= 1 + 1e-9));
    }
    for (const auto& t : a.schools) {
        FUZZ_CHECK(t.below_min + t.success <= t.participants);
        FUZZ_CHECK(t.confirmed + t.lowered <= t.participants);
    }
    const std::string json = vpr::analysis_json(a);
    FUZZ_CHECK(!json.empty());
    const vpr::ResultsWorkbook w = vpr::results_workbook(a, files, "fuzz");
    FUZZ_CHECK(w.fods.find("</office:document>") != std::string::npos);
    return 0;
}
