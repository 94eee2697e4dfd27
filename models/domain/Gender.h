#pragma once

namespace ud {

// The numeric values are stored in the database and match the national code list (1 male, 2 female).
enum class Gender
{
    Unknown = 0,
    Male = 1,
    Female = 2
};

} // namespace ud
