// SPDX-License-Identifier: MPL-2.0
#pragma once

// Fictional names for the generator: municipalities, their schools and
// kindergartens, the people who fill the forms. Compound names
// («Кедродольский муниципальный округ») that no real municipality carries;
// people's names are random combinations of common first names, patronymics
// and surnames.

#include <cstdint>
#include <string>

namespace msoko::gen {

/// A deterministic random source (SplitMix64): the same seed gives the same
/// forms with every standard library.
class Random {
public:
    explicit Random(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next();
    /// In [0, 1).
    double uniform();
    double uniform(double from, double to) { return from + (to - from) * uniform(); }
    /// An integer in [from, to].
    std::size_t range(std::size_t from, std::size_t to);
    bool chance(double p) { return uniform() < p; }

private:
    std::uint64_t state_;
};

struct MunicipalityName {
    std::string name;      ///< «Кедродольский муниципальный округ»
    std::string genitive;  ///< «Кедродольского муниципального округа»
    std::string feminine;  ///< «Кедродольская» (a school's name)
    std::string latin;     ///< «kedrodolsk» (e-mail, links)
};

/// The i-th municipality the generator can name (i < municipality_names()).
MunicipalityName municipality_name(std::size_t i);

/// A village's adjective for the i-th school outside the centre («Каменская»); they repeat after 30.
std::string village(std::size_t i);
/// The i-th kindergarten's own name («Солнышко»).
std::string kindergarten_name(std::size_t i);
/// A fictional person: «Фамилия Имя Отчество».
std::string person(Random& random);

}  // namespace msoko::gen
