// SPDX-License-Identifier: MPL-2.0
#pragma once

// The submission package: what the municipality sends to the regional
// center (issue 15) — a folder next to the form with its frozen copy (.ods,
// .xlsx), the figures (indicators.csv, indicators.json), the explanatory note
// (.odt, .pdf) and SHA256SUMS. Here: its names, whether a checked form may be
// sent, and the folder written whole or not at all. What goes into the files
// is msoko/submission.hpp, msoko/note.hpp and the extension's frozen copy.

#include "msoko/report_model.hpp"

#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

namespace msoko {

inline constexpr const char* kPackageJson = "indicators.json";
inline constexpr const char* kPackageCsv = "indicators.csv";
inline constexpr const char* kPackageNoteOdt = "Пояснительная записка.odt";
inline constexpr const char* kPackageNotePdf = "Пояснительная записка.pdf";
inline constexpr const char* kPackageChecksums = "SHA256SUMS";

/// «<stem> — к отправке»: the package's folder for a form named `<stem>.ods`.
std::string package_folder_name(const std::filesystem::path& form);

/// The folder next to the form.
std::filesystem::path default_package_folder(const std::filesystem::path& form);

/// Every file of the package of the form `<stem>.…`, in the order SHA256SUMS
/// lists them (SHA256SUMS itself last): `<stem>.ods`, `<stem>.xlsx`, the
/// figures, the note.
std::vector<std::string> package_files(const std::filesystem::path& form);

/// When a package was prepared, as its files say it.
struct PreparedAt {
    std::string iso;   ///< local time with its offset, «2026-12-01T21:35:57+07:00» (indicators.json)
    std::string text;  ///< «1 декабря 2026 г., 21:35» (the passport's stamp, the note)
};

/// The local time of this machine now.
PreparedAt prepared_now();

/// Whether a checked form may be sent, and if not what the user must do.
struct PackageVerdict {
    enum class Status { Ready, HasErrors, Unexplained };
    Status status = Status::Ready;
    std::size_t errors = 0;
    std::vector<ReportRow> unexplained;  ///< the warnings without an explanation, in the report's order
    std::string message;                 ///< Russian; empty when ready
};

/// Errors hold the package back (the message says how many, and the error
/// itself when there is one); then warnings without an explanation (the
/// message lists the first `listed` with their places).
PackageVerdict package_verdict(const ReportModel& model, std::size_t listed = 10);

/// A package folder or file could not be written; the message (Russian)
/// names it and why.
class PackageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// A folder written whole or not at all: the files go into a temporary folder
/// beside the target (same file system), and commit() renames it into place.
/// Until then the target is untouched; a StagedFolder destroyed without
/// commit() removes what was written.
class StagedFolder {
public:
    /// @throws PackageError when the target's parent folder does not exist
    /// or cannot be written.
    explicit StagedFolder(std::filesystem::path target);
    ~StagedFolder();
    StagedFolder(const StagedFolder&) = delete;
    StagedFolder& operator=(const StagedFolder&) = delete;

    /// The path of a file in the temporary folder.
    std::filesystem::path file(const std::string& name) const { return staging_ / std::filesystem::u8path(name); }
    const std::filesystem::path& staging() const { return staging_; }
    const std::filesystem::path& target() const { return target_; }

    /// Writes a file of the temporary folder. @throws PackageError
    void write(const std::string& name, const std::string& bytes) const;

    /// Moves the folder into place. An existing target is replaced only when
    /// `replace` (it is moved aside first and removed after, so that a
    /// failure leaves the old one); otherwise PackageError.
    void commit(bool replace);

private:
    std::filesystem::path target_, staging_;
    bool committed_ = false;
};

}  // namespace msoko
