// SPDX-License-Identifier: MPL-2.0
#pragma once

// The data-collection form, generated from the catalogue: «Паспорт»,
// «Организации», one sheet per direction and «Показатели», written as a flat
// ODF spreadsheet (.fods) that Calc opens as it is. The layout is computed
// once here and used by the writer, the tests and the validation, so that
// they can never disagree on where a figure lives.

#include "msoko/catalogue.hpp"
#include "msoko/form_data.hpp"
#include "msoko/workbook.hpp"

#include <string>
#include <vector>

namespace msoko {

inline constexpr const char* kPassportSheet = "Паспорт";
inline constexpr const char* kRegisterSheet = "Организации";
inline constexpr const char* kIndicatorsSheet = "Показатели";
/// The cell styles of the check's marks (conditional formats over the problem
/// cells): shipped in every form, since Calc cannot make a style while a sheet
/// is protected with a password. Every style of the marks starts with the prefix.
inline constexpr const char* kMarkStylePrefix = "МСОКО_";
inline constexpr const char* kErrorMarkStyle = "МСОКО_ошибка";
inline constexpr const char* kWarningMarkStyle = "МСОКО_предупреждение";
inline constexpr int kErrorMarkBack = 0xFFC7CE, kErrorMarkText = 0x9C0006;
inline constexpr int kWarningMarkBack = 0xFFEB9C, kWarningMarkText = 0x9C5700;

/// The municipality's own row in direction tables.
inline constexpr const char* kMunicipalityCode = "УО";

/// A column of a direction table. Its header code is what the cell functions
/// look fields up by.
struct FormColumn {
    enum class Kind {
        Code,    ///< organisation code, from the register (formula)
        Name,    ///< its short name (formula)
        Type,    ///< ОО / ДОО / УО (formula)
        Flags,   ///< ШНОР; ШФНСУ (formula)
        Input,   ///< a field of this direction: typed by the user
        Linked,  ///< a field of another direction this one's indicators need (formula)
    };
    Kind kind;
    std::string code;              ///< header code: code, name, type, flags or a field id
    const Field* field = nullptr;  ///< for Input and Linked
};

/// A row of a direction table: a slot of the register, or the municipality.
struct FormRow {
    std::string type;      ///< school, kindergarten or municipality
    std::size_t slot = 0;  ///< row of the register (0-based), for schools and kindergartens
};

struct DirectionSheet {
    const Direction* direction = nullptr;
    std::string sheet;       ///< «5.1.1 Подготовка обучающихся»
    std::string range_name;  ///< the named range of the table, e.g. tbl_5_1_1
    std::vector<FormColumn> columns;
    std::vector<FormRow> rows;

    static constexpr int kTitleRow = 0, kSubtitleRow = 1, kHeaderRow = 2, kCodeRow = 3;  ///< 0-based
    int first_row() const { return kCodeRow + 1; }
    int last_row() const { return kCodeRow + static_cast<int>(rows.size()); }
    int total_row() const { return last_row() + 1; }
    int block_title_row() const { return total_row() + 2; }
    int block_header_row() const { return block_title_row() + 1; }
    int block_first_row() const { return block_header_row() + 1; }  ///< rows, then the municipal row
    static constexpr int kBlockFirstColumn = 4;                     ///< indicator k of the block is in column 4 + k
    /// Column of a header code, or -1.
    int column_of(const std::string& code) const;
    /// Row of a register slot of `type`, or -1 when the table has none.
    int row_of(const std::string& type, std::size_t slot) const;
};

struct FormLayout {
    std::size_t schools = 0, kindergartens = 0;  ///< register slots
    std::vector<DirectionSheet> directions;

    static constexpr int kRegisterFirstRow = 3;    ///< 0-based row of the first register slot
    static constexpr int kIndicatorsFirstRow = 3;  ///< 0-based row of the first indicator on «Показатели»

    const DirectionSheet* sheet_of(const std::string& direction) const;
    int register_row(const std::string& type, std::size_t slot) const;
};

/// The layout for a register of `schools` and `kindergartens` slots.
FormLayout form_layout(const Catalogue& catalogue, std::size_t schools, std::size_t kindergartens);

/// "A1"-style address (0-based row and column), e.g. cell_address(3, 0) == "A4".
std::string cell_address(int row, int column);
/// Column letters of a 0-based column: 0 → A, 26 → AA.
std::string column_letters(int column);

/// Where a sheet of the form freezes its panes: rows above `row` and columns
/// left of `column` stay in view. The view of a document is not data: the
/// office applies these after it opens a form (flat ODF view settings carry
/// them too).
struct SheetPane {
    std::string sheet;
    int column = 0, row = 0;
};
std::vector<SheetPane> form_panes(const Catalogue& catalogue);

/// The figures of a data file as the engine sees them: the register's
/// organisations (with their flags), the municipality's row «УО» and every
/// typed value. Formulas ("=…") read as error values, as Calc shows them.
Workbook form_workbook(const FormData& data);

/// The whole form as a flat ODF spreadsheet: blank when `data` holds no
/// organisations and values, filled otherwise. `generator` names the
/// program in the passport (e.g. «МСОКО для Calc 0.1.0»).
std::string form_fods(const Catalogue& catalogue, const FormData& data, const std::string& generator);

}  // namespace msoko
