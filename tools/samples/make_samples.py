#!/usr/bin/env python3
"""Writes samples/: fictional agency proposal files for both built-in profiles.

Seeded and reproducible (python3 tools/samples/make_samples.py). Every person is invented;
NIKs are plausible (real district codes of Kota Balikpapan 6471xx and Kabupaten Balangan
6311xx, birth date digits, 40 added to the day for women) but made up. Each file carries
the mess real exports have: a BOM, `;` and CRLF from Excel with Indonesian settings, dates
in three spellings, Rupiah written with dots, a NIK Excel turned into 6.47101E+15, an
address with a newline inside quotes, and one legacy file in Windows-1252.
"""
import random
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2] / "samples"
rng = random.Random(20250815)

MALE = ["Ahmad Fauzi", "Muhammad Rizki", "Budi Santoso", "Agus Salim", "Andi Baso", "Rahmat Hidayat", "Joko Susilo",
        "Slamet Riyadi", "Yusuf Mappaseng", "Rudi Hartono", "Bambang Sutrisno", "Arif Rahman", "Dedi Kurniawan",
        "Eko Prasetyo", "Fajar Nugroho", "Hasan Basri", "Irwan Syahputra", "Syahrul Gunawan", "Wahyu Pratama",
        "Zainal Abidin", "La Ode Hamzah", "Abdul Karim", "Daeng Matutu", "Markus Sitompul", "Yohanes Pangaribuan"]
FEMALE = ["Siti Aminah", "Nur Aisyah", "Sri Wahyuni", "Dewi Lestari", "Rina Marlina", "Yuliani Hasan", "Fitri Handayani",
          "Hj. Rosmini", "Ratna Sari", "Wati Sumarni", "Nurhayati", "Kartini Baso", "Mariani Tanjung", "Indah Permata",
          "Hasnah Daeng", "Suryani Ismail", "Maria Simanjuntak", "Fatimah Zahra"]
STREETS = ["Jl. Jend. Sudirman", "Jl. MT Haryono", "Jl. Soekarno-Hatta Km 5", "Jl. Ahmad Yani", "Gg. Mawar",
           "Jl. Pupuk Raya", "Jl. Mulawarman", "Jl. Letjen Suprapto", "Jl. Manunggal", "Jl. Pattimura"]
OCC = {"a": "nelayan", "b": "petani", "c": "tukang ojek", "d": "sopir angkutan umum", "e": "juru parkir",
       "f": "pedagang kaki lima", "g": "pelaku usaha mikro", "h": "relawan sosial", "i": "relawan kebencanaan",
       "j": "petugas rumah ibadah", "k": "buruh harian", "l": "tukang bangunan", "m": "asisten rumah tangga",
       "n": "pekerja serabutan", "o": "pemulung"}
HEADER = ["nik", "no_kk", "nama", "tempat_lahir", "tanggal_lahir", "jenis_kelamin", "alamat", "no_telepon",
          "kabkota_ktp", "domisili_sejak", "pekerjaan", "pekerjaan_ektp", "penghasilan", "kategori", "punya_bpjstk",
          "p3ke", "disabilitas", "tanggal_usulan"]
serials = {}


def nik(district, born, sex):
    day = born.day + (40 if sex == "P" else 0)
    key = (district, born, sex)
    serials[key] = serials.get(key, 0) + 1
    return f"{district}{day:02}{born.month:02}{born.year % 100:02}{serials[key]:04}"


def kk(district):
    return f"{district}{rng.randrange(10**9, 10**10)}"


def reborn(row, born, **over):
    """Gives a row another birth date (and so another NIK, as the civil registry would)."""
    row.update(tanggal_lahir=born, nik=nik(row["nik"][:6], born, row["jenis_kelamin"]), **over)


def rupiah(n, style):
    grouped = f"{n:,}".replace(",", ".")
    return {0: str(n), 1: grouped, 2: f"Rp {grouped}", 3: f"{grouped},00"}[style]


def spell(d, style):
    return {0: d.isoformat(), 1: d.strftime("%d-%m-%Y"), 2: d.strftime("%d/%m/%Y")}[style]


def person(districts, region, proposed, **over):
    sex = over.pop("sex", rng.choice("LP"))
    born = over.pop("born", date(1962, 1, 1) + timedelta(days=rng.randrange(0, 16000)))
    name = over.pop("nama", rng.choice(MALE if sex == "L" else FEMALE))
    district = rng.choice(districts)
    occ = over.pop("occ", rng.choice(list(OCC)))
    row = {
        "nik": nik(district, born, sex), "no_kk": kk(district), "nama": name,
        "tempat_lahir": rng.choice(["Balikpapan", "Samarinda", "Makassar", "Paringin", "Banjarmasin", "Pare-Pare"]),
        "tanggal_lahir": born, "jenis_kelamin": sex,
        "alamat": f"{rng.choice(STREETS)} No. {rng.randrange(1, 200)}, RT {rng.randrange(1, 60):02}",
        "no_telepon": f"08{rng.randrange(10**9, 10**10)}", "kabkota_ktp": region,
        "domisili_sejak": proposed - timedelta(days=rng.randrange(400, 9000)),
        "pekerjaan": occ if rng.random() < 0.6 else OCC[occ], "pekerjaan_ektp": OCC[occ],
        "penghasilan": rng.randrange(8, 33) * 100000, "kategori": rng.choice(["FM", "OTM", "OTM"]),
        "punya_bpjstk": "N", "p3ke": rng.choice(["Y", "N", "N", ""]), "disabilitas": "", "tanggal_usulan": proposed,
    }
    row.update(over)
    return row


def write(path, rows, delimiter=",", crlf=False, bom=False, date_style=0, money_style=0, encoding="utf-8"):
    def cell(v):
        if isinstance(v, date):
            v = spell(v, date_style)
        elif isinstance(v, int):
            v = rupiah(v, money_style)
        v = str(v)
        if any(c in v for c in (delimiter, '"', "\n", "\r")):
            v = '"' + v.replace('"', '""') + '"'
        return v
    eol = "\r\n" if crlf else "\n"
    text = delimiter.join(HEADER) + eol + "".join(delimiter.join(cell(r[h]) for h in HEADER) + eol for r in rows)
    data = text.encode(encoding)
    if bom:
        data = b"\xef\xbb\xbf" + data
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def balikpapan():
    d = ["647101", "647102", "647103", "647104", "647105", "647106"]
    aug = date(2025, 8, 11)
    as_of = date(2025, 8, 15)
    out = ROOT / "balikpapan-2025"

    # Dinas Sosial: an Excel export with Indonesian settings (BOM, ';', CRLF, DD/MM/YYYY, 3.500.000).
    dinsos = [person(d, "6471", aug, occ=rng.choice("hkmno")) for _ in range(22)]
    dinsos[0].update(nama="Hj. Siti Aminah", jenis_kelamin="P", nik=nik(dinsos[0]["nik"][:6], dinsos[0]["tanggal_lahir"], "P"), p3ke="Y", disabilitas="Y")
    reborn(dinsos[1], date(2007, 8, 16), nama="Rizky Ramadhan", tanggal_usulan=as_of)        # 17 on the day before his 18th
    reborn(dinsos[2], date(2007, 8, 15), nama="Rizka Amelia", tanggal_usulan=as_of)          # 18 that very day
    reborn(dinsos[3], date(1961, 8, 15), nama="Sumarno", tanggal_usulan=as_of)               # 64 today: too old
    reborn(dinsos[4], date(1961, 8, 16), nama="Sukirman", tanggal_usulan=as_of)              # still 63
    dinsos[5].update(penghasilan=370150868, nama="Ratna Sari")                                   # exactly the UMK (sen): not below
    dinsos[6].update(penghasilan=370150867, nama="Kartini Baso")                                 # one sen below
    dinsos[7].update(kategori="Mampu")
    dinsos[8].update(punya_bpjstk="YA")
    dinsos[9].update(kabkota_ktp="64.72")                                                        # e-KTP of Kutai Kartanegara... (6472 = Paser)
    dinsos[10].update(domisili_sejak=date(2025, 2, 28), tanggal_usulan=as_of)                    # 28 Feb + 6 months = 28 Aug
    dinsos[11].update(nik="6.47101E+15")                                                         # Excel mangled it
    dinsos[12].update(tanggal_lahir="31/02/1980")                                                # no such day
    dinsos[13].update(nama="")
    dinsos[14].update(pekerjaan="wiraswasta", pekerjaan_ektp="wiraswasta")
    dinsos[15].update(disabilitas="Y")
    for r in dinsos:
        if isinstance(r["penghasilan"], int) and r["penghasilan"] > 10**7:   # amounts in sen above
            s = r["penghasilan"]
            r["penghasilan"] = f"{s // 100:,}".replace(",", ".") + f",{s % 100:02}"
    write(out / "usulan_dinsos.csv", dinsos, delimiter=";", crlf=True, bom=True, date_style=2, money_style=1)

    # Dinas Perhubungan: ojek, drivers, parking; plain comma CSV, an address with a line break.
    dishub = [person(d, "6471", aug - timedelta(days=3), occ=rng.choice("cde")) for _ in range(18)]
    dishub[0].update(alamat="Jl. Soekarno-Hatta Km 7\nRT 12, Karang Joang", nama="Muhammad Rizki")
    dishub[1].update(alamat='Pangkalan ojek "Simpang Lima", Jl. MT Haryono', nama="Andi Baso")
    dishub[2].update(pekerjaan="c", pekerjaan_ektp="karyawan swasta")                          # Pasal 6 ayat (4)
    dishub[3].update(tanggal_usulan=date(2025, 9, 1))                                          # after --as-of
    dishub[4].update(penghasilan="3,5jt")
    dishub[5].update(jenis_kelamin="P" if dishub[5]["jenis_kelamin"] == "L" else "L")         # sex disagrees with NIK
    dishub[6].update(no_kk="6.47101E+15")
    dishub[7].update(nik=dishub[7]["nik"][:6] + "000000" + dishub[7]["nik"][12:])             # day 00: impossible
    dishub[8].update(tanggal_lahir=date(1985, 3, 12), nama="Bambang Sutrisno")                # NIK says another date
    write(out / "usulan_dishub.csv", dishub, date_style=0, money_style=0)

    # Kelurahan Karang Joang: hand-typed, semicolons, mixed dates; the same person proposed twice,
    # and a name written another way (Muhammad/M.) for the dedupe review.
    kel = [person(d, "6471", aug - timedelta(days=10), occ=rng.choice("abfkl")) for _ in range(14)]
    twin = dict(dinsos[15]); twin.update(tanggal_usulan=aug - timedelta(days=20))
    kel.append(twin)
    alias = dict(dishub[0]); alias.update(nama="M. Rizky", nik=nik("647103", dishub[0]["tanggal_lahir"], "L"),
                                          alamat="Jl. Soekarno-Hatta Km 7 RT 12")
    kel.append(alias)
    kel[0].update(pekerjaan="pedagang keliling", pekerjaan_ektp="pedagang")
    kel[1].update(p3ke="mungkin")
    reborn(kel[2], date(1996, 2, 29), nama="Febri Kabisat", tanggal_usulan=date(2025, 2, 28))
    write(out / "usulan_kel_karang_joang.csv", kel, delimiter=";", date_style=1, money_style=2)

    # An old kecamatan spreadsheet saved as Windows-1252 (needs --encoding cp1252).
    old = [person(d, "6471", aug - timedelta(days=30)) for _ in range(6)]
    old[0].update(nama="Désirée Lumban Tobing", alamat="Jl. Ahmad Yani – Gg. Kenanga")
    write(out / "lama_cp1252" / "usulan_kec_balikpapan_timur.csv", old, encoding="cp1252")


def balangan():
    d = ["631101", "631102", "631103", "631104", "631105", "631106", "631107", "631108"]
    aug = date(2024, 9, 2)
    out = ROOT / "balangan-2024"
    rows = [person(d, "6311", aug) for _ in range(16)]
    reborn(rows[0], date(1959, 9, 2), nama="H. Abdul Karim")     # 65 that day: still allowed (at most 65)
    reborn(rows[1], date(1958, 9, 2), nama="Hasnah Daeng")      # 66: too old
    reborn(rows[2], date(2009, 1, 5))                            # 15: no minimum age in Balangan
    rows[3].update(kabkota_ktp="6371")                               # Banjarmasin e-KTP
    rows[4].update(punya_bpjstk="1")
    for r in rows:
        r["penghasilan"] = ""
    write(out / "usulan_disnakertrans.csv", rows, date_style=2)


balikpapan()
balangan()
print("samples written under", ROOT)
