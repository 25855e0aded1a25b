// SPDX-License-Identifier: MPL-2.0
#pragma once

// The subcommands of `msoko` (docs/cli.md): what each does with the options
// every subcommand shares. main() in msoko.cxx parses the command line and
// turns exceptions into messages and exit codes.

#include "msoko/new_form.hpp"
#include "msoko/validation.hpp"
#include "office/office.hxx"

#include <rtl/ustring.hxx>

#include <chrono>
#include <filesystem>
#include <ostream>
#include <stdexcept>
#include <string>
#include <vector>

namespace msoko::cli {

namespace fs = std::filesystem;

/// Exit codes (docs/cli.md); 128 + a signal's number when interrupted.
inline constexpr int kDone = 0;      ///< done; check: the form is ready
inline constexpr int kFailed = 1;    ///< the file could not be processed (the reason on standard error)
inline constexpr int kUsage = 2;     ///< the command line is wrong
inline constexpr int kNotReady = 3;  ///< check: the form has errors

enum class Format { Text, Tsv, Json };

/// The options every subcommand takes.
struct Common {
    fs::path catalogue;             ///< absolute; --catalogue, else $MSOKO_CATALOGUE, else the built-in one
    bool catalogue_chosen = false;  ///< given by --catalogue or MSOKO_CATALOGUE (the office is told)
    std::string lang = "ru";        ///< ru | en: the office's language (number formats, function names)
    Format format = Format::Text;
    fs::path oxt;  ///< the extension installed into the private office
    bool keep_profile = false;
};

/// A wrong command line: its message, then the usage (exit code 2).
class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// form blank [--rows TYPE=N …] OUT.fods | form fill DATA.json OUT.fods; `rows`: the
/// register's rows of a type named by its short title, plural or id (UsageError otherwise)
int form(const Common& common, const std::vector<std::string>& args, const std::vector<std::string>& rows);
/// What `form new` asks for: the dialog's answers on the command line.
struct NewFormOptions {
    std::string municipality, region, period;
    fs::path last_year;  ///< empty: none
};
/// form new --municipality M --region R [--period P] [--rows TYPE=N …] [--from LAST.ods] OUT.fods:
/// the form the new-form dialog makes (last year's form read in the private office).
int new_form(const Common& common, const NewFormOptions& options, const std::vector<std::string>& args,
             const std::vector<std::string>& rows);
/// Last year's form, read in the private office.
LastYearForm last_year_form(const Common& common, const Catalogue& catalogue, const fs::path& workbook);
/// catalogue check | catalogue doc [OUT.md]
int catalogue(const Common& common, const std::vector<std::string>& args);
/// check [--save OUT.ods] [--dynamics-points P] [--small-base N] [--outlier-distance D] FORM;
/// `settings`: the plausibility thresholds, as the extension's options page sets them
int check(const Common& common, const fs::path& workbook, const fs::path& save,
          const CheckSettings& settings = CheckSettings{});
/// indicators FORM: the municipal indicator table («Показатели»)
int indicators(const Common& common, const fs::path& workbook);
/// formulas WORKBOOK: every МСОКО formula with its result
int formulas(const Common& common, const fs::path& workbook);
/// migrate OLD.ods NEW.ods|NEW.fods: the form of an earlier catalogue version moved to the
/// current one (the old catalogue from «history» beside the catalogue); what to fill anew printed
int migrate(const Common& common, const fs::path& old_form, const fs::path& out);
/// package [--out DIR] [--replace] [thresholds] FORM: the check, then the submission package
/// (frozen copy, figures, note, SHA256SUMS) next to the form or in DIR; exit 3 when refused
int package(const Common& common, const fs::path& workbook, const fs::path& out, bool replace,
            const CheckSettings& settings = CheckSettings{});
/// subforms merge FORM.ods DIR|FILES… [-o OUT.ods] [--conflicts keep|take]: the returned sub-forms merged
/// into the form (written to OUT, or over FORM), «Сбор форм» printed; `take`: conflicts take the sub-form's value
int subforms_merge(const Common& common, const fs::path& form, const std::vector<fs::path>& returned,
                   const fs::path& out, bool take);
/// subforms make [--out DIR] [--replace] FORM: one sub-form per organisation of the
/// form's register (msoko/subform.hpp) written into «<stem> — формы организаций» beside
/// the form (or DIR); an existing folder replaced only with `replace`; prints each file
int subforms_make(const Common& common, const fs::path& workbook, const fs::path& out, bool replace);
/// What `region check|consolidate` is asked.
struct RegionRun {
    std::string verb;  ///< check | consolidate
    std::vector<fs::path> inputs;
    std::size_t jobs = 0;               ///< offices; 0: one per core
    std::chrono::seconds timeout{120};  ///< one form longer than this: its office is killed and replaced
    fs::path expected;                  ///< the list of expected municipalities, or empty
    fs::path findings;                  ///< where the findings of all go (.tsv or .json), or empty
    fs::path output;                    ///< consolidate: the region workbook (.ods or .xlsx)
    bool newer = false;                 ///< of two forms of one municipality, take the newer
    std::string period;                 ///< empty: the period most forms give
    CheckSettings settings;
};
/// region check|consolidate DIR|FILES…: every form checked (a line each, the findings of all);
/// consolidate also writes the region workbook. check: exit 3 unless every form is ready.
int region(const Common& common, const RegionRun& run);

/// Prints rows (the first the heads) as columns padded to their widest cell; the last column cut to
/// `last_width` characters when given; empty trailing cells and spaces left out.
void print_table(const std::vector<std::vector<std::string>>& rows, std::ostream& out, std::size_t last_width = 0);
/// What `vpr import|fill` is asked.
struct VprRun {
    std::string verb;                ///< import | fill
    fs::path form;                   ///< fill: the municipal form (only read)
    std::vector<fs::path> files;     ///< the Ф1 files
    std::vector<fs::path> previous;  ///< import: last year's, for the dynamics
    fs::path output;                 ///< import: the results workbook (.ods, .xlsx), or empty; fill: the filled copy
    fs::path boundaries;             ///< the mark boundaries file; empty: beside the catalogue, else the default one
    fs::path map;                    ///< fill: «login<TAB>code» lines, or empty
    bool take = false;               ///< fill: a typed different value takes the results' value
    std::size_t jobs = 0;            ///< import: offices; 0: one per core
};
/// vpr import FILES… [-o RESULTS.ods|.xlsx] [--previous FILES…] [--boundaries FILE]: the files read, the
/// per-school table, the objectivity flags and the ШНОР candidates printed (--format json: analysis_json),
/// the results workbook written with -o; vpr fill FORM.ods FILES… -o OUT.ods [--map LOGINS.tsv]
/// [--conflicts keep|take]: the form's ВПР figures filled into OUT. Exit 1 when a file could not be read.
int vpr(const Common& common, const VprRun& run);
/// The mark boundaries beside a catalogue file (vpr-boundaries.json), else the default one.
fs::path vpr_boundaries_file(const fs::path& catalogue);
/// convert WORKBOOK OUT.ods|OUT.fods|OUT.pdf
int convert(const Common& common, const fs::path& workbook, const fs::path& out);

// --- shared by the subcommands that start an office ---------------------------

/// The private office's options: the extension, the language, the catalogue.
office::Options office_options(const Common& common);

/// Says on standard error that the office starts (it takes seconds).
void starting(const Common& common);

/// Stores a copy of the document under an export filter and says so; an
/// OfficeError names why it could not.
void store(const css::uno::Reference<css::sheet::XSpreadsheetDocument>& doc, const fs::path& out, const char* filter);

std::string u8(const rtl::OUString& s);

/// Text for one TSV field: tabs and line breaks escaped as \t, \n, \r.
std::string tsv_field(const std::string& s);

/// Display width of UTF-8 text (code points), and the text padded to `w`.
std::size_t width(const std::string& s);
std::string pad(const std::string& s, std::size_t w);

}  // namespace msoko::cli
