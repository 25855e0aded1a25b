// SPDX-License-Identifier: MPL-2.0
#pragma once

// SHA-256 checksums of the files of the submission package (`SHA256SUMS`),
// so that the regional center can see that nothing was altered in transit:
// `sha256sum -c SHA256SUMS` in the package's folder checks every file.

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace msoko {

/// The SHA-256 of `bytes`: 64 lower-case hex digits.
std::string sha256_hex(std::string_view bytes);

/// The SHA-256 of a file's contents, read in binary.
/// @throws std::runtime_error with a Russian message naming the file when it cannot be read.
std::string sha256_file(const std::filesystem::path& file);

/// The text of `SHA256SUMS` for the files `names` of `dir`, in the order given,
/// in `sha256sum`'s own text format: `<64 hex digits>  <name>\n` a file.
/// A name is written as given (UTF-8), relative to `dir`.
/// @throws std::runtime_error (as sha256_file) when a file cannot be read, or
/// when a name holds a line break or a backslash (sha256sum would write it escaped).
std::string sha256sums(const std::filesystem::path& dir, const std::vector<std::string>& names);

}  // namespace msoko
