//! Test documents: the công văn 94-CV/ĐUVP (seed 000), a báo cáo with a
//! merged-header table, and a biên bản signed side by side.

use std::collections::BTreeMap;

use crate::render::document::{
    Align, Closing, Column, ColumnGroup, Document, Header, Signature, Table, Title,
};

pub const CONG_VAN_BODY: &str = "\
Thực hiện Công văn số 414-CV/ĐUK ngày 09 tháng 11 năm 2022 của Ban Thường vụ Đảng ủy Khối các cơ quan tỉnh về thực hiện kiểm điểm, đánh giá xếp loại chất lượng tập thể, cá nhân năm 2022, Đảng ủy Văn phòng UBND tỉnh yêu cầu Bí thư các chi bộ trực thuộc thực hiện một số nội dung sau đây:

1. Tiếp tục quán triệt, cụ thể hóa và tổ chức thực hiện nghiêm túc Quy định số 132-QĐ/TW ngày 08/3/2018 của Bộ Chính trị, Hướng dẫn số 21-HD/BTCTW ngày 18/10/2019 của Ban Tổ chức Trung ương. Nâng cao chất lượng công tác đánh giá, xếp loại theo hướng xuyên suốt, liên tục, đa chiều, có tiêu chí và thông qua sản phẩm cụ thể.

2. Các cấp ủy thuộc Đảng ủy Văn phòng UBND tỉnh, trước hết là người đứng đầu cần nêu cao tinh thần trách nhiệm trong lãnh đạo, chỉ đạo, chủ trì kiểm điểm tự phê bình và phê bình, đánh giá, xếp loại chất lượng năm 2022.

Quá trình kiểm điểm, đánh giá, xếp loại phải thực chất, dân chủ, khách quan, bảo đảm tính chiến đấu của tập thể, của cấp ủy; làm rõ những hạn chế, khuyết điểm của tập thể gắn với trách nhiệm cá nhân, nhất là trách nhiệm của người đứng đầu.

3. Việc kiểm điểm, đánh giá, xếp loại chất lượng tập thể, cá nhân năm 2022 và lấy phiếu tín nhiệm phải bảo đảm tiến độ:

- Các chi bộ: Hoàn thành kiểm điểm và báo cáo Đảng ủy Văn phòng UBND tỉnh (qua Văn phòng Đảng ủy) trước ngày **20/12/2022**.
- Đảng ủy Văn phòng UBND tỉnh: Hoàn thành kiểm điểm và báo cáo Ban Thường vụ Đảng ủy Khối trước ngày **30/12/2022**.

Đảng ủy Văn phòng UBND tỉnh yêu cầu Bí thư các chi bộ trực thuộc triển khai thực hiện nghiêm túc theo đúng quy định. Trong quá trình thực hiện, nếu có vướng mắc đề nghị phản ánh về Đảng ủy Văn phòng UBND tỉnh (qua Văn phòng Đảng ủy) để có hướng dẫn kịp thời.

(Đính kèm Kế hoạch số 79-KH/ĐUK ngày 12/12/2019 của Ban Thường vụ Đảng ủy Khối CCQ tỉnh và Kế hoạch số 72-KH/ĐUVP ngày 17/12/2019 của Đảng ủy Văn phòng UBND tỉnh).
";

fn header(number: &str, subject: Option<&str>) -> Header {
    Header {
        superior: "Đảng bộ Khối các cơ quan tỉnh".to_owned(),
        issuer: "Đảng ủy Văn phòng UBND tỉnh".to_owned(),
        number: number.to_owned(),
        place_date: "Quảng Bình, ngày 12 tháng 11 năm 2022".to_owned(),
        subject: subject.map(str::to_owned),
        form_label: None,
    }
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| (*s).to_owned()).collect()
}

/// The công văn 94-CV/ĐUVP.
pub fn cong_van() -> Document {
    let subject = "V/v thực hiện kiểm điểm, đánh giá xếp loại chất lượng tập thể, cá nhân năm 2022 và lấy phiếu tín nhiệm theo Quy định số 06-QĐ/ĐUK của Ban Thường vụ Đảng ủy Khối các cơ quan tỉnh";
    Document {
        header: header("94-CV/ĐUVP", Some(subject)),
        title: None,
        to: strings(&["Bí thư các chi bộ trực thuộc"]),
        body: CONG_VAN_BODY.to_owned(),
        tables: BTreeMap::new(),
        closing: Closing::Signed {
            copies: strings(&[
                "BTV, BCH Đảng ủy Văn phòng UBND tỉnh",
                "Ủy ban Kiểm tra Đảng ủy Văn phòng UBND tỉnh",
                "Bí thư các chi bộ trực thuộc",
                "Lưu: VPĐU",
            ]),
            signer: Signature {
                authority: "T/M Đảng ủy".to_owned(),
                title: "Bí thư".to_owned(),
                name: "Nguyễn Trần Quang".to_owned(),
            },
        },
        draft: false,
    }
}

fn leaf(label: &str, align: Align) -> ColumnGroup {
    ColumnGroup {
        label: label.to_owned(),
        columns: Vec::new(),
        align,
    }
}

fn split(label: &str) -> ColumnGroup {
    let column = |l: &str| Column {
        label: l.to_owned(),
        align: Align::Right,
    };
    ColumnGroup {
        label: label.to_owned(),
        columns: vec![column("Số lượng"), column("Tỷ lệ %")],
        align: Align::Right,
    }
}

/// A rating table: two plain columns and two groups with Số lượng / Tỷ lệ %.
pub fn rating_table() -> Table {
    let row = |a: &str, b: &str, c: &str, d: &str, e: &str, f: &str| strings(&[a, b, c, d, e, f]);
    Table {
        groups: vec![
            leaf("TT", Align::Center),
            leaf("Chi bộ", Align::Left),
            split("Hoàn thành xuất sắc nhiệm vụ"),
            split("Hoàn thành tốt nhiệm vụ"),
        ],
        rows: vec![
            row("1", "Chi bộ Phòng Tổng hợp", "2", "15,4", "10", "76,9"),
            row("2", "Chi bộ Phòng Kinh tế", "1", "9,1", "9", "81,8"),
            row("", "Tổng cộng", "3", "12,5", "19", "79,2"),
        ],
        total_row: true,
    }
}

/// A báo cáo with a title, report headings, a table and a draft highlight.
pub fn bao_cao() -> Document {
    let body = "\
# Kết quả kiểm điểm

## I. KẾT QUẢ KIỂM ĐIỂM

### 1. Ưu điểm

Các chi bộ đã tổ chức kiểm điểm nghiêm túc, đúng quy trình; tổng số đảng viên được đánh giá là **[số đảng viên]** đồng chí, trong đó <mark>số liệu còn chờ chi bộ gửi</mark>.

<!-- vanban:table xep_loai -->

### 2. Hạn chế

* Một số chi bộ nộp báo cáo chậm;
  * chưa gửi biên bản kèm theo.
* Chất lượng tự phê bình chưa cao.
";
    let mut tables = BTreeMap::new();
    tables.insert("xep_loai".to_owned(), rating_table());
    Document {
        header: header("12-BC/ĐUVP", None),
        title: Some(Title {
            kind: "BÁO CÁO".to_owned(),
            subject: "kết quả kiểm điểm, đánh giá, xếp loại chất lượng năm 2022".to_owned(),
        }),
        to: Vec::new(),
        body: body.to_owned(),
        tables,
        closing: cong_van().closing,
        draft: true,
    }
}

/// A biên bản signed by the secretary and the chair.
pub fn bien_ban() -> Document {
    let body = "\
Hôm nay, vào lúc 14 giờ 00, ngày 15 tháng 12 năm 2022, tại Hội trường Văn phòng UBND tỉnh, Chi bộ Phòng Tổng hợp tổ chức hội nghị kiểm điểm, đánh giá, xếp loại chất lượng năm 2022.

1. Thành phần: có mặt 13/13 đảng viên.
2. Chủ trì: đồng chí Nguyễn Văn A, Bí thư Chi bộ.
3. Thư ký: đồng chí Trần Thị B.

Hội nghị kết thúc vào lúc 16 giờ 30 cùng ngày.
";
    let sign = |title: &str, name: &str| Signature {
        authority: String::new(),
        title: title.to_owned(),
        name: name.to_owned(),
    };
    Document {
        header: header("05-BB/CB", None),
        title: Some(Title {
            kind: "BIÊN BẢN".to_owned(),
            subject: "hội nghị kiểm điểm, đánh giá, xếp loại chất lượng năm 2022".to_owned(),
        }),
        to: Vec::new(),
        body: body.to_owned(),
        tables: BTreeMap::new(),
        closing: Closing::Signatures(vec![
            sign("Thư ký", "Trần Thị B"),
            sign("Chủ trì hội nghị", ""),
        ]),
        draft: false,
    }
}
