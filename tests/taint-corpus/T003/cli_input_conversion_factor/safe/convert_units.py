def convert(values, factor):
    return [round(v * factor, 4) for v in values]


def main():
    raw = input("Conversion factor (e.g. 2.54): ")
    factor = float(raw)  # safe: converted to float
    values = [float(x) for x in input("Values: ").split()]
    for original, converted in zip(values, convert(values, factor)):
        print(f"{original} -> {converted}")


if __name__ == "__main__":
    main()
