// SPDX-License-Identifier: MPL-2.0
// The check before submission, dispatched as the menu does, on real workbooks.
#include "check_support.hxx"

using namespace msoko::test;

namespace {

class Validation : public Samples {
protected:
    Reference<css::sheet::XSpreadsheetDocument> open_with_view(const fs::path& file) {
        docs_.push_back(office_->open(file, Office::Access::ReadWrite, /*with_view=*/true));
        recalc(docs_.back());
        return docs_.back();
    }
    void foreign_and_empty();
    void structure_changes();
    Reference<css::sheet::XSpreadsheetDocument> copy_of(const char* sample) {
        const fs::path dir = fs::temp_directory_path() / ("msoko-validation-" + std::to_string(getpid()));
        fs::create_directories(dir);
        fs::copy_file(fs::path(MSOKO_TEST_SAMPLES) / sample, dir / sample, fs::copy_options::overwrite_existing);
        return open_with_view(dir / sample);
    }
};

TEST_F(Validation, FilledSampleIsReadyAndKeepsEveryValue) {
    auto doc = copy_of("sample-district.ods");
    const auto before = validation::everything(doc);
    std::string summary;
    const auto rows = validation::validate(*office_, doc, &summary);
    EXPECT_EQ(validation::count(rows, "Ошибка"), 0u) << (rows.empty() ? "" : rows.front().message);
    for (const auto& r : rows)  // its «Процедуры оценки» are complete
        EXPECT_NE(r.rule.rfind("procedures.", 0), 0u) << r.cell << ": " << r.message;
    EXPECT_NE(summary.find("форма готова к отправке"), std::string::npos) << summary;
    EXPECT_EQ(validation::everything(doc), before) << "the check changed a cell outside its report";
    EXPECT_EQ(name_of(sheet_at(doc, 15)), "Проверка") << "the report is the last sheet";
    // A second run replaces the report, it does not add another.
    validation::validate(*office_, doc);
    EXPECT_EQ(Reference<css::container::XIndexAccess>(doc->getSheets(), UNO_QUERY_THROW)->getCount(), 16);
}

TEST_F(Validation, FindsEveryDeliberateMistake) {
    auto doc = copy_of("sample-district-mistakes.ods");
    const auto rows = validation::validate(*office_, doc);
    // kind of mistake (samples/data/sample-district-mistakes.json) → the rule that must report it,
    // the organisation and the field or column.
    struct Expected {
        const char* kind;
        const char* rule;
        const char* organisation;
        const char* field;
    };
    const Expected expected[] = {
        {"text_in_count", "type.count", "4201", "tal_teachers_courses"},
        {"space_in_number", "type.count", "4202", "vs_programs"},
        {"decimal_comma", "type.count", "4203", "pf_workplaces"},
        {"negative_count", "type.count", "4204", "vs_volunteer_groups"},
        {"above_max", "type.count", "4206", "vs_rdsh"},
        {"required_empty", "required", "4207", "mgr_teachers_multi_subject"},
        {"formula_error", "type.error_value", "4208", "pd_contests"},
        {"unknown_code", "register.unknown_code", "4290", ""},
        {"part_exceeds_whole", "5.1.1/part_whole", "4210", "fl_math_success"},
        {"sum_mismatch", "/sum_equals", "4211", "pf_pupils"},
        {"same_value_mismatch", "/same_value", "4212", ""},
        {"dash_in_count", "type.count", "4213", "pf_worldskills"},
        {"computed_cell_overwritten", "form.formula_overwritten", "4215", "name"},
        {"fractional_count", "type.count", "4305", "pd_vacancies"},
        {"invalid_yes_no", "type.yes_no", "4306", "doo_family_support"},
        {"duplicate_name", "register.duplicate_name", "4312", ""},
        {"duplicate_code", "register.duplicate_code", "4313", ""},
        {"evidence_missing", "/requires_evidence", "УО", ""},
        {"evidence_date_outside_period", "/requires_evidence", "УО", "obj_regulation_date"},
        {"malformed_link", "type.link", "УО", "met_mmo_subjects_link"},
        {"sum_exceeds_whole", "5.1.2/sum_within", "4209", "ap_lowered"},
        {"implication_broken", "S.2/implies", "УО", "pd_mmo"},
        {"heads_below_register", "5.2.1/covers_register", "УО", "mgr_heads"},
        {"municipal_below_sum", "5.1.3/covers_register", "УО", "tal_children_5_18_addedu"},
        {"passport_count_mismatch", "register.count", "", ""},
        {"dynamics_jump", "plausibility.dynamics", "", "5.1.4.8"},
        {"outlier", "plausibility.outlier", "4205", ""},
        {"small_base_extreme", "plausibility.small_base", "4214", ""},
        {"procedure_object", "procedures.object", "", "direction"},
        {"procedure_level", "procedures.level", "", "level"},
        {"procedure_document_number", "procedures.document_number", "", "document"},
        {"procedure_required", "procedures.required", "", "conducted_by"},
    };
    for (const auto& e : expected) {
        const bool found = std::any_of(rows.begin(), rows.end(), [&](const validation::Row& r) {
            return r.rule.find(e.rule) != std::string::npos && r.organisation == e.organisation &&
                   (std::string(e.field).empty() || r.field == e.field);
        });
        EXPECT_TRUE(found) << e.kind << ": no finding of " << e.rule << " for " << e.organisation << " " << e.field;
    }
    const auto link = std::find_if(rows.begin(), rows.end(), [](const validation::Row& r) {
        return r.rule == "type.count" && r.organisation == "4201";
    });
    ASSERT_NE(link, rows.end());
    EXPECT_NE(link->message.find("возможно, имелось в виду 12"), std::string::npos) << link->message;
    EXPECT_FALSE(link->cell.empty()) << "the cell column links to the cell";
}

// A workbook that is not a form is left as it is: no report sheet, no marks,
// one message (logged as such).
TEST_F(Validation, ForeignAndEmptyWorkbooksAreLeftAsTheyAre) {
    try {
        foreign_and_empty();
    } catch (const css::uno::Exception& e) {
        FAIL() << "UNO exception: " << u8(e.Message);
    }
}

void Validation::foreign_and_empty() {
    const auto told = [&] {
        const std::string all = validation::log_of(*office_);
        std::size_t n = 0;
        for (std::size_t at = all.find("the document is not a form, nothing changed"); at != std::string::npos;
             at = all.find("the document is not a form, nothing changed", at + 1))
            ++n;
        return n;
    };
    const auto left_alone = [&](const Reference<css::sheet::XSpreadsheetDocument>& doc, const std::string& what) {
        const sal_Int32 sheets = Reference<css::container::XIndexAccess>(doc->getSheets(), UNO_QUERY_THROW)->getCount();
        const auto before = validation::everything(doc);
        const std::size_t messages = told();
        validation::dispatch(*office_, doc, "org.msoko.calc:Validate");
        EXPECT_FALSE(doc->getSheets()->hasByName(ou("Проверка"))) << what;
        EXPECT_EQ(Reference<css::container::XIndexAccess>(doc->getSheets(), UNO_QUERY_THROW)->getCount(), sheets)
            << what;
        EXPECT_EQ(validation::everything(doc), before) << what;
        EXPECT_EQ(told(), messages + 1) << what << ": the check ran and found it is not a form";
    };
    for (const fs::path& file : {kFixtures / "share.fods", kFixtures / "functions.fods"})
        left_alone(open_with_view(file), file.filename().string());
    auto empty = office_->create_spreadsheet();
    docs_.push_back(empty);
    left_alone(empty, "a new spreadsheet");
}

TEST_F(Validation, MarksProblemCellsAndClearMarksRemovesThemAndTheReport) {
    auto doc = copy_of("sample-district-mistakes.ods");
    const auto before = validation::everything(doc);
    const auto rows = validation::validate(*office_, doc);
    // «12 чел.» typed for 4201 in 5.1.3: the report names the cell, and the cell is marked.
    const auto finding = std::find_if(rows.begin(), rows.end(), [](const validation::Row& r) {
        return r.rule == "type.count" && r.organisation == "4201";
    });
    ASSERT_NE(finding, rows.end());
    EXPECT_EQ(finding->severity, "Ошибка");
    EXPECT_EQ(finding->sheet, "5.1.3 Таланты");
    auto talents = sheet(doc, "5.1.3 Таланты");
    auto marked = cell(talents, finding->cell.c_str());
    EXPECT_EQ(text(marked), "12 чел.") << "the link points at the typed value";
    EXPECT_EQ(validation::marks_on(marked), 1) << "the problem cell is marked";
    EXPECT_EQ(validation::marks_on(cell(talents, "B5")), 0) << "other cells are not";
    // A second check does not stack marks.
    validation::validate(*office_, doc);
    EXPECT_EQ(validation::marks_on(marked), 1);

    validation::dispatch(*office_, doc, "org.msoko.calc:ClearMarks");
    EXPECT_EQ(validation::marks_on(marked), 0) << "ClearMarks removes the mark";
    EXPECT_FALSE(doc->getSheets()->hasByName(ou("Проверка"))) << "and the report";
    EXPECT_EQ(validation::everything(doc), before) << "neither the check nor ClearMarks changed a value";
    EXPECT_TRUE(Reference<css::util::XProtectable>(talents, UNO_QUERY_THROW)->isProtected())
        << "the sheet is protected again";
}

// A form opened read-only takes no report and no marks; the check still runs
// (the log has its counts) and tells the user how to get the report.
TEST_F(Validation, AReadOnlyFormIsCheckedWithoutWritingIntoIt) {
    try {
        docs_.push_back(office_->open(fs::path(MSOKO_TEST_SAMPLES) / "sample-district-mistakes.ods",
                                      Office::Access::ReadOnly, /*with_view=*/true));
        auto doc = docs_.back();
        recalc(doc);
        const auto before = validation::everything(doc);
        validation::dispatch(*office_, doc, "org.msoko.calc:Validate");
        EXPECT_FALSE(doc->getSheets()->hasByName(ou("Проверка")));
        EXPECT_EQ(validation::marks_on(cell(sheet(doc, "5.1.3 Таланты"), "N5")), 0);
        EXPECT_EQ(validation::everything(doc), before);
        const std::string all = validation::log_of(*office_);
        EXPECT_NE(all.find("validation of a read-only document: 31 errors"), std::string::npos);
    } catch (const css::uno::Exception& e) {
        FAIL() << "UNO exception: " << u8(e.Message);
    }
}

// A stray value at the sheet's last cell makes its used area a billion cells:
// the check refuses with a message naming the cell, and nothing is lost.
TEST_F(Validation, AHugeUsedAreaIsRefusedWithoutACrash) {
    try {
        auto doc = copy_of("sample-district.ods");
        auto talents = sheet(doc, "5.1.3 Таланты");
        Reference<css::util::XProtectable>(talents, UNO_QUERY_THROW)->unprotect(OUString());
        cell(talents, "AMJ1048576")->setFormula("x");
        const std::string typed = text(cell(talents, "N5"));
        validation::dispatch(*office_, doc, "org.msoko.calc:Validate");
        EXPECT_FALSE(doc->getSheets()->hasByName(ou("Проверка"))) << "no report of a check that did not run";
        EXPECT_EQ(text(cell(talents, "AMJ1048576")), "x");
        EXPECT_EQ(text(cell(talents, "N5")), typed);
        // The office is alive and the check works again once the stray value is gone.
        Reference<css::sheet::XSheetOperation>(talents->getCellRangeByName("AMJ1048576"), UNO_QUERY_THROW)
            ->clearContents(css::sheet::CellFlags::STRING);
        const auto rows = validation::validate(*office_, doc);
        EXPECT_EQ(validation::count(rows, "Ошибка"), 0u);
        const std::string all = validation::log_of(*office_);
        EXPECT_NE(all.find("занят до ячейки AMJ1048576"), std::string::npos) << "the log names the cell";
    } catch (const css::uno::Exception& e) {
        FAIL() << "UNO exception: " << u8(e.Message);
    }
}

// Issue 11.1: a second check, or ClearMarks, after a check whose findings had
// no cell (an empty workbook, a foreign one, a ready form with an extra sheet)
// killed the office. The office stays alive and each run gives one report.
TEST_F(Validation, ChecksAndClearMarksInAnyOrderKeepTheOfficeAlive) {
    try {
        auto empty = office_->create_spreadsheet();
        docs_.push_back(empty);
        Reference<css::frame::XModel>(empty, UNO_QUERY_THROW);
        for (int i = 0; i < 2; ++i) {  // not a form: no report sheet (the message only)
            validation::dispatch(*office_, empty, "org.msoko.calc:Validate");
            EXPECT_FALSE(empty->getSheets()->hasByName(ou("Проверка"))) << "run " << i;
        }
        validation::dispatch(*office_, empty, "org.msoko.calc:ClearMarks");
        EXPECT_FALSE(empty->getSheets()->hasByName(ou("Проверка")));
        validation::dispatch(*office_, empty, "org.msoko.calc:ClearMarks");  // nothing left to clear

        auto doc = copy_of("sample-district.ods");
        doc->getSheets()->insertNewByName(ou("Заметки"), 3);
        for (int i = 0; i < 2; ++i) {
            const auto rows = validation::validate(*office_, doc);
            EXPECT_EQ(validation::count(rows, "Ошибка"), 0u);
            EXPECT_TRUE(std::any_of(rows.begin(), rows.end(), [](const validation::Row& r) {
                return r.rule == "structure.sheet_extra" && r.sheet == "Заметки";
            })) << "the extra sheet";
        }
        validation::dispatch(*office_, doc, "org.msoko.calc:ClearMarks");
        validation::dispatch(*office_, doc, "org.msoko.calc:ClearMarks");
        EXPECT_FALSE(doc->getSheets()->hasByName(ou("Проверка")));
        std::string summary;
        validation::validate(*office_, doc, &summary);
        EXPECT_EQ(summary.rfind("Ошибок: 0 ", 0), 0u) << "the office still checks: " << summary;
    } catch (const css::uno::Exception& e) {
        FAIL() << "UNO exception (the office died?): " << u8(e.Message);
    }
}

// Issue 11.2: a sheet of the user's named «проверка» (Calc compares sheet
// names case-insensitively) is never written into: the report gets a free
// name, is recognised as ours at the next check, and ClearMarks removes only it.
TEST_F(Validation, AUserSheetNamedLikeTheReportIsNeverTouched) {
    try {
        auto doc = copy_of("sample-district-mistakes.ods");
        doc->getSheets()->insertNewByName(ou("проверка"), 2);
        auto notes = sheet(doc, "проверка");
        for (sal_Int32 r = 0; r < 12; ++r)
            for (sal_Int32 c = 0; c < 12; ++c)
                notes->getCellByPosition(c, r)->setFormula(ou("заметка " + std::to_string(r * 12 + c)));
        const std::string before = contents(notes);
        for (int run = 0; run < 2; ++run) {
            validation::dispatch(*office_, doc, "org.msoko.calc:Validate");
            EXPECT_EQ(contents(notes), before) << "run " << run << ": the user's sheet was written into";
            ASSERT_TRUE(doc->getSheets()->hasByName(ou("Проверка (2)"))) << "the report takes a free name";
            EXPECT_NE(text(cell(sheet(doc, "Проверка (2)"), "A2")).find("Ошибок: "), std::string::npos);
            EXPECT_EQ(Reference<css::container::XIndexAccess>(doc->getSheets(), UNO_QUERY_THROW)->getCount(), 17)
                << "one report, reused at the next check";
        }
        validation::dispatch(*office_, doc, "org.msoko.calc:ClearMarks");
        EXPECT_FALSE(doc->getSheets()->hasByName(ou("Проверка (2)")));
        ASSERT_TRUE(doc->getSheets()->hasByName(ou("проверка")));
        EXPECT_EQ(contents(notes), before);
    } catch (const css::uno::Exception& e) {
        FAIL() << "UNO exception: " << u8(e.Message);
    }
}

// Issue 11.9: a password on one sheet stops only that sheet's marks, and the
// summary says which sheet and why.
TEST_F(Validation, APasswordOnOneSheetLeavesOnlyThatSheetUnmarked) {
    try {
        auto doc = copy_of("sample-district-mistakes.ods");
        auto talents = sheet(doc, "5.1.3 Таланты");
        Reference<css::util::XProtectable>(talents, UNO_QUERY_THROW)->unprotect(OUString());
        Reference<css::util::XProtectable>(talents, UNO_QUERY_THROW)->protect(ou("секрет"));
        std::string summary;
        const auto rows = validation::validate(*office_, doc, &summary);
        EXPECT_NE(summary.find("защищённых паролем: «5.1.3 Таланты»"), std::string::npos) << summary;
        EXPECT_TRUE(std::any_of(rows.begin(), rows.end(), [](const validation::Row& r) {
            return r.rule == "report.unmarked" && r.sheet == "5.1.3 Таланты";
        }));
        EXPECT_EQ(validation::marks_on(cell(talents, "N5")), 0) << "the sheet under a password is not marked";
        // Another sheet's problem cell is marked.
        const auto other = std::find_if(rows.begin(), rows.end(), [](const validation::Row& r) {
            return r.severity == "Ошибка" && r.sheet == "5.1.4 Профориентация" && !r.cell.empty();
        });
        ASSERT_NE(other, rows.end());
        EXPECT_EQ(validation::marks_on(cell(sheet(doc, "5.1.4 Профориентация"), other->cell.c_str())), 1);
        EXPECT_TRUE(Reference<css::util::XProtectable>(talents, UNO_QUERY_THROW)->isProtected());
        EXPECT_TRUE(
            Reference<css::util::XProtectable>(sheet(doc, "5.1.4 Профориентация"), UNO_QUERY_THROW)->isProtected())
            << "a sheet unprotected for its marks is protected again";
    } catch (const css::uno::Exception& e) {
        FAIL() << "UNO exception: " << u8(e.Message);
    }
}

// Issue 11.10: a report that cannot be written (its sheet under a password)
// is refused with a Russian reason and what to do — never an office source
// location — and nothing in the workbook changes.
TEST_F(Validation, AReportThatCannotBeWrittenIsRefusedInRussian) {
    try {
        auto doc = copy_of("sample-district-mistakes.ods");
        validation::validate(*office_, doc);
        auto report = sheet(doc, "Проверка");
        Reference<css::util::XProtectable>(report, UNO_QUERY_THROW)->protect(ou("секрет"));
        const std::string before = contents(report);
        const auto everything = validation::everything(doc);
        validation::dispatch(*office_, doc, "org.msoko.calc:Validate");
        EXPECT_EQ(contents(report), before);
        EXPECT_EQ(validation::everything(doc), everything);
        const std::string log = validation::log_of(*office_);
        EXPECT_NE(log.find("failed: Отчёт проверки не записан: лист «Проверка» с отчётом прошлой проверки защищён "
                           "паролем"),
                  std::string::npos);
    } catch (const css::uno::Exception& e) {
        FAIL() << "UNO exception: " << u8(e.Message);
    }
}

// Issue 11.4 and 11.12: marks are set in bulk — one conditional format per
// sheet and level, not one per cell (each of those copied the whole list for
// undo) — and rows of figures without organisations are one finding per sheet.
TEST_F(Validation, MarksAreSetInBulkAndRowsWithoutCodesAreOneFinding) {
    try {
        auto doc = copy_of("sample-district-mistakes.ods");
        auto undo = Reference<css::document::XUndoManagerSupplier>(doc, UNO_QUERY_THROW)->getUndoManager();
        undo->clear();
        const auto rows = validation::validate(*office_, doc);
        std::set<std::string> marked_sheets;
        std::size_t marked_cells = 0;
        for (const auto& r : rows)
            if (!r.cell.empty() && r.severity != "Сведения") {
                marked_sheets.insert(r.sheet);
                ++marked_cells;
            }
        std::size_t formats = 0;
        for (const auto& title : undo->getAllUndoActionTitles())
            formats += u8(title) == "Conditional Format";
        EXPECT_GT(marked_cells, 2 * marked_sheets.size());
        EXPECT_LE(formats, 2 * marked_sheets.size())
            << marked_cells << " cells on " << marked_sheets.size() << " sheets";

        // Three organisations taken out of the register: their rows keep their figures but lose their codes.
        auto reg = sheet(doc, "Организации");
        Reference<css::util::XProtectable>(reg, UNO_QUERY_THROW)->unprotect(OUString());
        Reference<css::sheet::XSheetOperation>(reg->getCellRangeByName("A4:A6"), UNO_QUERY_THROW)
            ->clearContents(css::sheet::CellFlags::STRING | css::sheet::CellFlags::VALUE);
        recalc(doc);
        const auto again = validation::validate(*office_, doc);
        EXPECT_EQ(std::count_if(again.begin(), again.end(),
                                [](const validation::Row& r) {
                                    return r.rule == "register.row_without_code" && r.sheet == "5.1.3 Таланты" &&
                                           r.message.find("Таких строк на листе: 3") != std::string::npos;
                                }),
                  1)
            << "one finding for the sheet, with the count";
    } catch (const css::uno::Exception& e) {
        FAIL() << "UNO exception: " << u8(e.Message);
    }
}

// A form whose structure was changed by hand: each change is found and named.
TEST_F(Validation, FindsRenamedMovedDeletedAndInsertedColumnsAndSheets) {
    try {
        structure_changes();
    } catch (const css::uno::Exception& e) {
        FAIL() << "UNO exception: " << u8(e.Message);
    }
}

void Validation::structure_changes() {
    auto doc = copy_of("sample-district.ods");
    auto talents = sheet(doc, "5.1.3 Таланты");
    auto unprotect = [](const Reference<css::sheet::XSpreadsheet>& s) {
        Reference<css::util::XProtectable>(s, UNO_QUERY_THROW)->unprotect(OUString());
    };
    unprotect(talents);
    // A field column lost: its code in the code row was overwritten. (Calc itself
    // refuses to delete or insert whole columns through the indicator block's array.)
    for (sal_Int32 c = 0; c < 40; ++c)
        if (text(talents->getCellByPosition(c, 3)) == "tal_olymp_winners")
            talents->getCellByPosition(c, 3)->setFormula("olymp");
    // A renamed direction sheet and an added column on another.
    Reference<css::container::XNamed>(sheet(doc, "5.2.3 Воспитание"), UNO_QUERY_THROW)->setName(ou("5.2.3 Моё"));
    auto career = sheet(doc, "5.1.4 Профориентация");
    unprotect(career);
    cell(career, "AZ4")->setFormula("my_notes");
    // A deleted sheet.
    doc->getSheets()->removeByName(ou("S.2 Методическая работа"));

    const auto rows = validation::validate(*office_, doc);
    auto has = [&](const char* severity, const char* sheet_name, const char* rule, const char* field) {
        return std::any_of(rows.begin(), rows.end(), [&](const validation::Row& r) {
            return r.severity == severity && r.sheet == sheet_name && r.rule == rule &&
                   (std::string(field).empty() || r.field == field);
        });
    };
    EXPECT_TRUE(has("Ошибка", "5.1.3 Таланты", "structure.column", "tal_olymp_winners")) << "deleted column";
    EXPECT_TRUE(has("Предупреждение", "5.2.3 Моё", "structure.sheet_name", "")) << "renamed sheet";
    EXPECT_TRUE(has("Предупреждение", "5.1.4 Профориентация", "structure.column_extra", "my_notes")) << "added column";
    EXPECT_TRUE(has("Предупреждение", "5.1.3 Таланты", "structure.column_extra", "olymp")) << "renamed code";
    EXPECT_TRUE(has("Ошибка", "S.2 Методическая работа", "structure.sheet", "")) << "deleted sheet";
    // The renamed sheet is still checked, and nothing on the broken sheet gives follow-on errors.
    EXPECT_FALSE(std::any_of(rows.begin(), rows.end(), [](const validation::Row& r) {
        return r.sheet == "5.1.3 Таланты" && r.rule.rfind("structure.", 0) != 0;
    })) << "a sheet whose columns are lost gets structure findings, not follow-on errors";
}

// The corpus of broken workbooks (tests/fixtures/check, written from cases.json
// by `cmake --build build --target corpus`): each file gets exactly the
// findings its recipe lists — severity, sheet, cell and rule — and the check

}  // namespace
